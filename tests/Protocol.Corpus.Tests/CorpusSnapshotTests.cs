using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Sessions.Protocol.Generator.Tests.SnapshotTesting;
using Xunit;
using Xunit.Sdk;

namespace Sessions.Protocol.Corpus.Tests;

/// <summary>
/// Representative generated types of each corpus schema, snapshot-tested
/// (<c>Snapshots/CorpusSnapshotTests.RepresentativeTypes_{schema}#{Type}.verified.cs</c>; <c>UPDATE_SNAPSHOTS=1</c>
/// accepts). Each snapshot is the type's declaration(s) in the generated code, wherever the generator put them, so
/// the snapshot follows the type and not the file layout.
/// </summary>
public sealed class CorpusSnapshotTests
{
    /// <summary>Per schema, the definitions whose types stand for it: a union and a variant or plain record of each style.</summary>
    private static readonly Dictionary<string, string[]> Representatives = new(StringComparer.Ordinal)
    {
        ["asyncapi-3.0"] = new[] { "SecurityScheme", "info" },
        ["cloudevents"] = new[] { SchemaDocument.Root },
        ["github-webhooks"] = new[] { "issues_event", "issues$opened" },
        ["lsp-metamodel"] = new[] { "Type", "ReferenceType" },
        ["mcp-apps"] = new[] { "McpUiDisplayMode", "McpUiOpenLinkRequest" },
        ["openapi-3.0"] = new[] { "SecurityScheme", "HTTPSecurityScheme", "Parameter" },
    };

    public static TheoryData<string> Schemas() => new(Representatives.Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Fact]
    public void Every_corpus_schema_has_representatives() =>
        Assert.Equal(CorpusTests.SchemaNames(), Representatives.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList());

    [Theory]
    [MemberData(nameof(Schemas))]
    public void RepresentativeTypes(string schema)
    {
        GeneratedProtocol generated = GeneratedProtocol.For(SchemaCase.Corpus(schema));
        generated.RequireAssembly();
        var files = new List<SnapshotFile>();
        var missing = new List<string>();
        foreach (string definition in Representatives[schema])
        {
            Type? type = generated.TypeOf(definition);
            string? declaration = type is null ? null : Declaration(generated, type.Name);
            if (declaration is null)
            {
                missing.Add(definition);
                continue;
            }

            files.Add(new SnapshotFile("#" + type!.Name, ".cs", declaration));
        }

        SnapshotAssert.ForCallerFile().Matches($"{nameof(CorpusSnapshotTests)}.{nameof(RepresentativeTypes)}_{schema}", files);
        if (missing.Count > 0)
        {
            throw new XunitException($"{schema}: no generated type for the representative definition(s) {string.Join(", ", missing.Select(m => "'" + m + "'"))}.");
        }
    }

    // Every declaration of the type (partial ones too) in the case's namespace, in hint-name order, as written.
    private static string? Declaration(GeneratedProtocol generated, string typeName)
    {
        List<string> parts = generated.Run.Sources
            .SelectMany(source => source.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Where(declaration => declaration.Identifier.ValueText == typeName
                                  && declaration.Parent is BaseNamespaceDeclarationSyntax ns
                                  && ns.Name.ToString() == generated.Case.Namespace)
            .Select(declaration => Dedent(declaration.ToFullString()))
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    // The declaration's text without the indentation of the namespace block it sits in.
    private static string Dedent(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' '))).TrimEnd() + "\n";
    }
}
