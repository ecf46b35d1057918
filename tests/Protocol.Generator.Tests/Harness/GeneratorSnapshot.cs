using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Sessions.Protocol.Generator.Tests.SnapshotTesting;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Snapshots of a generator run, named after the calling test.</summary>
public static class GeneratorSnapshot
{
    /// <summary>
    /// Verifies every generated source as <c>Snapshots/{ClassName}.{MethodName}#{hint name without .cs}.verified.cs</c>
    /// and the generator's diagnostics as <c>Snapshots/{ClassName}.{MethodName}.verified.txt</c>. The diagnostics file
    /// exists only when there are diagnostics: no file means "no diagnostics", and a stale one fails.
    /// </summary>
    /// <remarks>
    /// {ClassName} is the calling source file's name without extension (one test class per file, named like the file),
    /// {MethodName} the calling member. The generator must have produced at least one source and must not have thrown.
    /// </remarks>
    /// <param name="run">The generator run.</param>
    /// <param name="includeSharedHelpers">
    /// Whether to snapshot the helper file every run emits unchanged (<c>ProtocolJson.g.cs</c>); one test does,
    /// the others would only hold identical copies of it.
    /// </param>
    /// <param name="methodName">The calling test.</param>
    /// <param name="callerFilePath">The calling test's file.</param>
    public static void Verify(GeneratorRun run, bool includeSharedHelpers = false, [CallerMemberName] string methodName = "", [CallerFilePath] string callerFilePath = "")
    {
        run.AssertNoException();
        Xunit.Assert.False(run.Sources.IsEmpty, "The generator produced no source at all for a valid schema.");

        var files = new List<SnapshotFile>(run.Sources
            .Where(s => includeSharedHelpers || s.HintName != "ProtocolJson.g.cs")
            .Select(s => SnapshotFile.ForGeneratedSource(s.HintName, s.Text)));
        if (!run.Diagnostics.IsEmpty)
        {
            files.Add(SnapshotFile.ForText(run.FormatDiagnostics()));
        }

        string className = Path.GetFileNameWithoutExtension(callerFilePath.Replace('\\', '/'));
        SnapshotAssert.ForCallerFile(callerFilePath).Matches(className + "." + methodName, files);
    }
}
