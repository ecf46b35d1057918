using System;
using System.IO;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>Finds the repository from the test's output folder, so no machine path is baked in.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> root = new(FindRoot);

    public static string Root => root.Value;

    public static string SchemaDir => Path.Combine(Root, "schema");

    public static string GoldenDir => Path.Combine(Root, "tests", "golden");

    public static string Schema(string fileName) => Path.Combine(SchemaDir, fileName);

    /// <summary>A golden file from its path relative to tests/golden (forward slashes).</summary>
    public static string Golden(string relativePath) =>
        Path.Combine(GoldenDir, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Path relative to tests/golden, with forward slashes (the form expectations.json uses).</summary>
    public static string RelativeToGolden(string fullPath) =>
        Path.GetRelativePath(GoldenDir, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sessions.Generated.sln")))
            {
                return dir.FullName;
            }

            if (Directory.Exists(Path.Combine(dir.FullName, "schema"))
                && Directory.Exists(Path.Combine(dir.FullName, "tests", "golden")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No repository root (a folder with Sessions.Generated.sln, or with schema/ and tests/golden/) above '{AppContext.BaseDirectory}'.");
    }
}
