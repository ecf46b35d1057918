using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>
/// The shared schema shapes (<c>../shared/schema-shapes/</c> beside the repository, or beside the folder of its
/// worktrees): one idiom of published protocol schemas per file, each with example instances.
/// </summary>
public static class SchemaShapes
{
    private static readonly Lazy<string> LazyDirectory = new(Find);

    /// <summary>The folder holding <c>NN-name.schema.json</c> and <c>NN-name.examples.json</c>.</summary>
    public static string Directory => LazyDirectory.Value;

    /// <summary>The shape names (<c>NN-name</c>), in order.</summary>
    public static IReadOnlyList<string> Names =>
        System.IO.Directory.EnumerateFiles(Directory, "*.schema.json")
            .Select(path => Path.GetFileName(path)[..^".schema.json".Length])
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The shape's schema, under a virtual path.</summary>
    public static SchemaInput Schema(string name) =>
        new(TestPaths.VirtualRepoRoot + "/shapes/" + name + ".schema.json", File.ReadAllText(Path.Combine(Directory, name + ".schema.json")));

    /// <summary>The shape's examples: <c>{ "Definition": [ instance, ... ] }</c>.</summary>
    public static string Examples(string name) => File.ReadAllText(Path.Combine(Directory, name + ".examples.json"));

    /// <summary>The C# namespace a shape's types are generated into, e.g. <c>Shapes.S06</c>.</summary>
    public static string Namespace(string name) => "Shapes.S" + name[..2];

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestPaths.RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "schema-shapes");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/schema-shapes/ beside '{TestPaths.RepoRoot}' or any of its ancestors.");
    }
}
