using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>One schema file as the generator receives it: an additional file and its item metadata.</summary>
/// <param name="Path">The additional file's path (tests use virtual paths under <see cref="TestPaths.VirtualRepoRoot"/>).</param>
/// <param name="Text">The file's content.</param>
/// <param name="ProtocolNamespace">
/// The <c>ProtocolNamespace</c> item metadata, or <see langword="null"/> for an item without it. Like MSBuild's generated
/// .editorconfig, the harness then still passes the key, with an empty value.
/// </param>
/// <param name="ProtocolVisibility">The <c>ProtocolVisibility</c> item metadata, or <see langword="null"/> for an item without it (passed as empty, like <paramref name="ProtocolNamespace"/>).</param>
public sealed record SchemaInput(string Path, string Text, string? ProtocolNamespace = null, string? ProtocolVisibility = null)
{
    /// <summary>A file of this project's <c>Schemas/</c> folder, under its virtual path.</summary>
    public static SchemaInput FromTestSchemas(string fileName, string? protocolNamespace = null) =>
        new(TestPaths.VirtualTestSchemaPath(fileName), File.ReadAllText(System.IO.Path.Combine(TestPaths.TestSchemaDirectory, fileName)), protocolNamespace);

    /// <summary>Every <c>*.schema.json</c> of the repository's <c>schema/</c> folder (ordinal order), under virtual paths.</summary>
    public static IReadOnlyList<SchemaInput> FromRepoSchemas() =>
        Directory.EnumerateFiles(TestPaths.RepoSchemaDirectory, "*.schema.json")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new SchemaInput(TestPaths.VirtualRepoSchemaPath(System.IO.Path.GetFileName(path)), File.ReadAllText(path)))
            .ToList();

    /// <summary>The file name without directories (e.g. <c>session-events.schema.json</c>).</summary>
    public string FileName => System.IO.Path.GetFileName(Path.Replace('\\', '/'));

    /// <summary>A copy with other content and the same path and metadata.</summary>
    public SchemaInput WithText(string text) => this with { Text = text };

    /// <summary>The additional text for this file.</summary>
    public AdditionalText ToAdditionalText() => new InMemoryAdditionalText(Path, Text);
}
