using System;
using System.IO;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Where the repository's files are, found from the test's base directory (no absolute paths baked in).</summary>
public static class TestPaths
{
    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    /// <summary>
    /// The root every schema gets as its <see cref="Microsoft.CodeAnalysis.AdditionalText.Path"/> prefix in tests, so
    /// that diagnostics and anything the generator derives from paths are the same on every machine and on CI.
    /// </summary>
    public const string VirtualRepoRoot = "/repo";

    /// <summary>The repository root: the nearest ancestor of the test's base directory holding both <c>schema/</c> and <c>src/</c>.</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>The repository's real schemas: <c>schema/</c>.</summary>
    public static string RepoSchemaDirectory => Path.Combine(RepoRoot, "schema");

    /// <summary>This test project's source directory.</summary>
    public static string TestProjectDirectory => Path.Combine(RepoRoot, "tests", "Protocol.Generator.Tests");

    /// <summary>The small schemas of other shapes kept for these tests: <c>tests/Protocol.Generator.Tests/Schemas/</c>.</summary>
    public static string TestSchemaDirectory => Path.Combine(TestProjectDirectory, "Schemas");

    /// <summary>The virtual path of a file of the repository's <c>schema/</c> folder.</summary>
    public static string VirtualRepoSchemaPath(string fileName) => VirtualRepoRoot + "/schema/" + fileName;

    /// <summary>The virtual path of a file of this project's <c>Schemas/</c> folder.</summary>
    public static string VirtualTestSchemaPath(string fileName) => VirtualRepoRoot + "/tests/Protocol.Generator.Tests/Schemas/" + fileName;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "schema")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No ancestor of '{AppContext.BaseDirectory}' contains both 'schema/' and 'src/'; can't locate the repository root.");
    }
}
