using System;
using System.IO;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>
/// The small reading and writing helpers every generated converter calls (<c>Helpers/ProtocolJson.cs</c>, embedded in
/// this assembly). Emitted once per compilation that has schema files, as an internal class, so generated code has no
/// run-time dependency beyond System.Text.Json.
/// </summary>
/// <remarks>
/// The helpers are a real source file rather than a string literal so that an editor and the compiler check them: the
/// generator's tests compile the file (a linked <c>Compile</c> item), so a typo fails the build, not a consumer's.
/// </remarks>
internal static class HelpersSource
{
    public const string HintName = "ProtocolJson.g.cs";

    private const string ResourceName = "Sessions.Protocol.Generator.Helpers.ProtocolJson.cs";

    /// <summary>The helpers' source, stamped with the generator's version; read from the assembly once.</summary>
    public static string Text { get; } = Read().Replace("{GeneratorVersion}", GeneratorVersion.Value);

    private static string Read()
    {
        using var stream = typeof(HelpersSource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The generator assembly lacks its embedded resource " + ResourceName + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
