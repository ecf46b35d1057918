using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The project property <c>ProtocolConverterVisibility=internal</c> keeps every converter internal while the types stay
/// as their file says: a library publishes its protocol types, not their converters (as the runtime does).
/// </summary>
public sealed class ConverterVisibilityTests
{
    [Theory]
    [InlineData("internal", "internal")]
    [InlineData("Internal", "internal")]
    [InlineData("", "public")]
    [InlineData(null, "public")]
    public void Converters_follow_the_project_property_and_types_stay_public(string? property, string expectedConverters)
    {
        var schemas = new[] { new SchemaInput("/repo/schema/union.schema.json", File.ReadAllText(Path.Combine(TestPaths.TestSchemaDirectory, "copilot-union.schema.json"))) };
        var global = new List<KeyValuePair<string, string>> { new("build_property.RootNamespace", GeneratorHarness.DefaultRootNamespace) };
        if (property is not null)
        {
            global.Add(new("build_property.ProtocolConverterVisibility", property));
        }

        var options = new TestAnalyzerConfigOptionsProvider(
            global,
            schemas.Select(s => new KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>>(s.Path, new[] { new KeyValuePair<string, string>(GeneratorHarness.ProtocolNamespaceKey, string.Empty) })));
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(schemas.Select(s => s.ToAdditionalText()), options), GeneratorHarness.CreateCompilation()).AssertNoException();

        Assert.Empty(run.Diagnostics);
        CompilationAssert.NoWarningsOrErrors(run);
        var types = run.SourcesFrom("union.schema.json").SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes())
            .OfType<BaseTypeDeclarationSyntax>()
            .Where(t => t.Parent is BaseNamespaceDeclarationSyntax)
            .ToArray();
        var converters = types.Where(t => t.Identifier.ValueText.EndsWith("JsonConverter", System.StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(converters);
        Assert.All(converters, t => Assert.Contains(t.Modifiers, m => m.ValueText == expectedConverters));
        Assert.All(types.Except(converters), t => Assert.Contains(t.Modifiers, m => m.ValueText == "public"));
    }
}
