using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>One schema file to generate from, with its examples file and the namespace its types go into.</summary>
/// <param name="Name">The case's name: the corpus folder (<c>github-webhooks</c>) or the shape's stem (<c>01-enum-as-oneof-const</c>).</param>
/// <param name="SchemaPath">The schema file on disk.</param>
/// <param name="ExamplesPath">The examples file on disk: <c>{ "&lt;definition&gt;": [ instance, ... ] }</c>, <c>"#"</c> for the root.</param>
/// <param name="VirtualPath">The path the generator sees (the same on every machine, so diagnostics are stable).</param>
/// <param name="Namespace">The <c>ProtocolNamespace</c> the generated types get.</param>
public sealed record SchemaCase(string Name, string SchemaPath, string ExamplesPath, string VirtualPath, string Namespace)
{
    /// <summary>A folder of the corpus.</summary>
    public static SchemaCase Corpus(string name) => new(
        name,
        Path.Combine(CorpusPaths.CorpusDirectory, name, name + ".schema.json"),
        Path.Combine(CorpusPaths.CorpusDirectory, name, name + ".examples.json"),
        $"/repo/tests/Protocol.Corpus.Tests/Schemas/{name}/{name}.schema.json",
        "Corpus." + Pascal(name));

    /// <summary>A shape of <c>shared/schema-shapes</c>.</summary>
    public static SchemaCase Shape(string name) => new(
        name,
        Path.Combine(CorpusPaths.ShapesDirectory, name + ".schema.json"),
        Path.Combine(CorpusPaths.ShapesDirectory, name + ".examples.json"),
        $"/shared/schema-shapes/{name}.schema.json",
        "Shapes.S" + Pascal(name));

    /// <summary>The schema text.</summary>
    public string ReadSchema() => File.ReadAllText(SchemaPath);

    /// <summary>The examples text.</summary>
    public string ReadExamples() => File.ReadAllText(ExamplesPath);

    /// <inheritdoc />
    public override string ToString() => Name;

    // "github-webhooks" -> "GithubWebhooks", "01-enum-as-oneof-const" -> "01EnumAsOneofConst".
    private static string Pascal(string name)
    {
        var builder = new StringBuilder();
        foreach (string part in name.Split(new[] { '-', '.', '_' }, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
        }

        return builder.ToString();
    }
}
