using System;
using System.IO;
using Sessions.Protocol.Generator.Tests.Harness;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>Where the corpus and the shared shapes are, found from the repository root (no machine paths baked in).</summary>
public static class CorpusPaths
{
    /// <summary>This project's source folder.</summary>
    public static string ProjectDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "Protocol.Corpus.Tests");

    /// <summary>The published schemas: <c>tests/Protocol.Corpus.Tests/Schemas/&lt;name&gt;/</c>.</summary>
    public static string CorpusDirectory => Path.Combine(ProjectDirectory, "Schemas");

    /// <summary>
    /// <c>shared/schema-shapes</c> beside the clone (CI lays <c>shared/</c> next to it). A developer's clone may sit
    /// deeper (a worktree in a folder of its own), so the nearest ancestor of the repository root that holds it counts.
    /// </summary>
    public static string ShapesDirectory
    {
        get
        {
            for (var dir = Directory.GetParent(TestPaths.RepoRoot); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "schema-shapes");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException(
                $"The schema shapes are missing: no 'shared/schema-shapes' folder beside the repository ('{TestPaths.RepoRoot}') "
                + "or above it. CI puts the project's shared/ folder beside the clone; do the same to run these tests.");
        }
    }
}
