using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// One generated source per type, named by its namespace and name: a type's source does not move when other types
/// come or go, and names that differ only in case (which Roslyn's hint names do not tell apart) still get a source each.
/// </summary>
public sealed class SourceLayoutTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    [Fact]
    public void EachType_HasASourceOfItsOwn_NamedByNamespaceAndType_WithItsConverter()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSchemas.CopilotUnion).AssertNoException();
        CompilationAssert.NoWarningsOrErrors(run);

        foreach (GeneratedFile source in run.Sources.Where(s => s.HintName != "ProtocolJson.g.cs"))
        {
            string[] types = TopLevelTypeNames(source, Namespace);
            string[] converters = TopLevelTypeNames(source, Namespace + ".Serialization");
            string type = Assert.Single(types, t => source.HintName == Namespace + "." + t + ".g.cs");

            // A union's source also holds its unknown variant and its visitor, which exist only for it.
            Assert.All(types.Where(t => t != type), t => Assert.True(
                t == "I" + type + "Visitor" || t.StartsWith("Unknown", StringComparison.Ordinal),
                $"{source.HintName} declares {t} besides {type}."));
            Assert.Contains(type + "JsonConverter", converters);
            Assert.All(converters, c => Assert.Contains(c.Substring(0, c.Length - "JsonConverter".Length), types));
        }
    }

    [Fact]
    public void TypesWhoseNamesDifferOnlyInCase_GetDistinctHintNames_AndCompile()
    {
        const string Schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Url": { "type": "object", "properties": { "href": { "type": "string" } } },
                "URL": { "type": "object", "properties": { "link": { "type": "string" } } },
                "Other": { "type": "object", "properties": { "url": { "$ref": "#/$defs/Url" }, "URL": { "$ref": "#/$defs/URL" } } }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualRepoRoot + "/schema/case.schema.json", Schema) }).AssertNoException();

        string[] hints = run.Sources.Select(s => s.HintName).ToArray();
        Assert.Equal(hints.Length, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(Namespace + ".URL.uuu.g.cs", hints);
        Assert.Contains(Namespace + ".Url.ull.g.cs", hints);
        Assert.Contains(Namespace + ".Other.g.cs", hints);
        CompilationAssert.NoWarningsOrErrors(run);
    }

    [Fact]
    public void TypesOfNamespacesThatDifferOnlyInCase_GetDistinctHintNames_AndCompile()
    {
        const string Schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": { "Invoice": { "type": "object", "properties": { "total": { "type": "number" } } } }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[]
        {
            new SchemaInput(TestPaths.VirtualRepoRoot + "/schema/upper.schema.json", Schema, ProtocolNamespace: "Acme.Billing"),
            new SchemaInput(TestPaths.VirtualRepoRoot + "/schema/lower.schema.json", Schema, ProtocolNamespace: "Acme.billing"),
        }).AssertNoException();

        Assert.Equal(
            new[] { "Acme.Billing.Invoice.ullllulllllllullllll.g.cs", "Acme.billing.Invoice.ullllllllllllullllll.g.cs", "ProtocolJson.g.cs" },
            run.Sources.Select(s => s.HintName));
        CompilationAssert.NoWarningsOrErrors(run);
    }

    private static string[] TopLevelTypeNames(GeneratedFile source, string ns) =>
        source.SyntaxTree.GetRoot().DescendantNodes()
            .OfType<BaseTypeDeclarationSyntax>()
            .Where(t => t.Parent is BaseNamespaceDeclarationSyntax n && n.Name.ToString() == ns)
            .Select(t => t.Identifier.ValueText)
            .Concat(source.SyntaxTree.GetRoot().DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.ValueText))
            .ToArray();
}
