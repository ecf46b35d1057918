using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The generator's contract with its host: which additional files it reads, which namespace it generates into, the
/// minimum language version of its output.
/// </summary>
public sealed class ContractTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Widget": {
              "type": "object",
              "properties": { "name": { "type": "string" } },
              "required": [ "name" ]
            }
          }
        }
        """;

    private const string OtherSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Gadget": {
              "type": "object",
              "properties": { "size": { "type": "integer" } }
            }
          }
        }
        """;

    [Fact]
    public void OnlyAdditionalFilesEndingInSchemaJson_AreRead()
    {
        GeneratorRun run = GeneratorHarness.Run(new[]
        {
            new SchemaInput("/repo/schema/widget.json", Schema),
            new SchemaInput("/repo/schema/widget.schema.json.bak", Schema),
            new SchemaInput("/repo/schema/widget.schema.jsonc", Schema),
            new SchemaInput("/repo/schema/notes.txt", "not json at all {"),
        }).AssertNoException();

        Assert.Empty(run.Sources);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Namespace_IsTheRootNamespace()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput("/repo/schema/widget.schema.json", Schema) }, rootNamespace: "Contoso.Protocol").AssertNoException();

        AssertNamespaces(run, "Widget", "Contoso.Protocol");
        CompilationAssert.NoWarningsOrErrors(run);
    }

    [Fact]
    public void ProtocolNamespaceMetadata_OverridesTheRootNamespace_PerFile()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                new SchemaInput("/repo/schema/widget.schema.json", Schema, ProtocolNamespace: "Contoso.Widgets"),
                new SchemaInput("/repo/schema/gadget.schema.json", OtherSchema),
            },
            rootNamespace: "Contoso.Protocol").AssertNoException();

        AssertNamespaces(run, "Widget", "Contoso.Widgets");
        AssertNamespaces(run, "Gadget", "Contoso.Protocol");
        CompilationAssert.NoWarningsOrErrors(run);
    }

    [Fact]
    public void AbsentProtocolNamespaceKey_FallsBackToTheRootNamespace()
    {
        // A host that, unlike MSBuild, passes no build_metadata key at all for the file.
        var schema = new SchemaInput("/repo/schema/widget.schema.json", Schema);
        var options = new TestAnalyzerConfigOptionsProvider(
            new[] { new KeyValuePair<string, string>(GeneratorHarness.RootNamespaceKey, "Contoso.Protocol") });
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new[] { schema.ToAdditionalText() }, options),
            GeneratorHarness.CreateCompilation()).AssertNoException();

        AssertNamespaces(run, "Widget", "Contoso.Protocol");
    }

    [Theory]
    [InlineData("internal", "internal")]
    [InlineData(" Internal ", "internal")]
    [InlineData("public", "public")]
    [InlineData("", "public")]
    public void ProtocolVisibilityMetadata_SetsTheAccessibilityOfEveryGeneratedType_PerFile(string metadata, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                new SchemaInput("/repo/schema/union.schema.json", File.ReadAllText(Path.Combine(TestPaths.TestSchemaDirectory, "copilot-union.schema.json")), ProtocolVisibility: metadata),
                new SchemaInput("/repo/schema/gadget.schema.json", OtherSchema),
            }).AssertNoException();

        Assert.Empty(run.Diagnostics);
        CompilationAssert.NoWarningsOrErrors(run);
        BaseTypeDeclarationSyntax[] unionFileTypes = TopLevelTypes(run, "union.schema.json");
        Assert.NotEmpty(unionFileTypes);
        Assert.Contains(unionFileTypes, t => t is InterfaceDeclarationSyntax);
        Assert.Contains(unionFileTypes, t => t is EnumDeclarationSyntax);
        Assert.Contains(unionFileTypes, t => t is ClassDeclarationSyntax);
        Assert.All(unionFileTypes, t => Assert.True(
            t.Modifiers.Any(m => m.ValueText == expected) && !t.Modifiers.Any(m => m.ValueText == (expected == "public" ? "internal" : "public")),
            $"{t.Identifier.ValueText} is declared '{t.Modifiers}', expected {expected}."));

        // The other file has no metadata: it stays public.
        Assert.All(TopLevelTypes(run, "gadget.schema.json"), t => Assert.Contains(t.Modifiers, m => m.ValueText == "public"));
    }

    [Fact]
    public void UnknownProtocolVisibility_IsAWarningInTheSchemaFile_AndTheTypesStayPublic()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput("/repo/schema/widget.schema.json", Schema, ProtocolVisibility: "private") }).AssertNoException();

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PSG011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/repo/schema/widget.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("'private'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.All(TopLevelTypes(run, "widget.schema.json"), t => Assert.Contains(t.Modifiers, m => m.ValueText == "public"));
    }

    private static BaseTypeDeclarationSyntax[] TopLevelTypes(GeneratorRun run, string schemaFileName) =>
        run.SourcesFrom(schemaFileName).SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes())
            .OfType<BaseTypeDeclarationSyntax>()
            .Where(t => t.Parent is BaseNamespaceDeclarationSyntax)
            .ToArray();

    [Fact]
    public void GeneratedCodeAttribute_CarriesTheGeneratorsAssemblyVersion()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSchemas.CopilotUnion).AssertNoException();
        string version = typeof(ProtocolGenerator).Assembly.GetName().Version!.ToString(3);

        Assert.All(run.Sources, source => Assert.Contains(
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Sessions.Protocol.Generator\", \"" + version + "\")]", source.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("\"1.0.0\"", run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedFiles_AreMarkedAutoGenerated_AndEnableNullableExplicitly()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSchemas.Nullability).AssertNoException();

        Assert.NotEmpty(run.Sources);
        Assert.All(run.Sources, source =>
        {
            Assert.StartsWith("// <auto-generated", source.Text, StringComparison.Ordinal);
            Assert.Contains("#nullable enable", source.Text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(TestSchemas.Names), MemberType = typeof(TestSchemas))]
    public void GeneratedCode_CompilesWithoutWarnings_UnderCSharp11(string scenario)
    {
        CSharpParseOptions csharp11 = GeneratorHarness.ParseOptions(LanguageVersion.CSharp11);

        GeneratorRun run = GeneratorHarness.Run(TestSchemas.All[scenario], parseOptions: csharp11).AssertNoException();

        Assert.NotEmpty(run.Sources);
        CompilationAssert.NoWarningsOrErrors(run);
    }

    /// <summary>
    /// <paramref name="typeName"/> is declared directly in namespace <paramref name="expected"/>, and every namespace of
    /// the files declaring it is <paramref name="expected"/> or nested in it (e.g. <c>{expected}.Serialization</c>).
    /// </summary>
    private static void AssertNamespaces(GeneratorRun run, string typeName, string expected)
    {
        BaseTypeDeclarationSyntax[] declarations = run.Sources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Where(t => t.Identifier.ValueText == typeName && t.Parent is BaseNamespaceDeclarationSyntax)
            .ToArray();
        Assert.True(declarations.Length > 0, $"No generated source declares a top-level type named {typeName}. Sources: {string.Join(", ", run.Sources.Select(s => s.HintName))}");
        foreach (BaseTypeDeclarationSyntax declaration in declarations)
        {
            Assert.Equal(expected, ((BaseNamespaceDeclarationSyntax)declaration.Parent!).Name.ToString());
            string[] namespaces = declaration.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()
                .Select(ns => ns.Name.ToString())
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            Assert.All(namespaces, ns => Assert.True(ns == expected || ns.StartsWith(expected + ".", StringComparison.Ordinal), $"{declaration.SyntaxTree.FilePath} declares namespace {ns}, outside {expected}."));
        }
    }
}
