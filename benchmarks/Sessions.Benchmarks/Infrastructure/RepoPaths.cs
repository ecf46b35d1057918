using System;
using System.IO;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>Where the repository is, found from the executable or the working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string BenchmarksDirectory => Path.Combine(Root, "benchmarks");

    public static string SchemaDirectory => Path.Combine(Root, "schema");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sessions.Generated.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder holding Sessions.Generated.sln) above " + AppContext.BaseDirectory);
    }
}
