using System;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// An object whose two branches differ by one property's value, one allowing <c>bearer</c> and the other excluding it
/// with <c>not: {enum}</c> (OpenAPI 3.0's HTTP security scheme): the reader picks the branch by exact membership, as
/// JSON Schema's <c>enum</c> compares, so an excluded value spelt otherwise (<c>Bearer</c>) is the other branch; each
/// writes back unchanged, alone or through a union that takes the object as a variant.
/// </summary>
public sealed class ComplementRuleDecodingTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-04/schema#",
          "definitions": {
            "Http": { "type": "object", "required": ["scheme", "type"], "additionalProperties": false, "patternProperties": { "^x-": {} },
              "properties": { "scheme": { "type": "string" }, "bearerFormat": { "type": "string" }, "type": { "type": "string", "enum": ["http"] } },
              "oneOf": [
                { "description": "Bearer", "properties": { "scheme": { "enum": ["bearer"] } } },
                { "description": "Non Bearer", "not": { "required": ["bearerFormat"] }, "properties": { "scheme": { "not": { "enum": ["bearer"] } } } } ] },
            "Key": { "type": "object", "required": ["type", "name"], "properties": { "type": { "type": "string", "enum": ["apiKey"] }, "name": { "type": "string" } } },
            "Scheme": { "oneOf": [ { "$ref": "#/definitions/Key" }, { "$ref": "#/definitions/Http" } ] }
          }
        }
        """;

    [Theory]
    [InlineData("""{"type":"http","scheme":"bearer","bearerFormat":"JWT"}""", "BearerHttp")]
    [InlineData("""{"scheme":"bearer","type":"http"}""", "BearerHttp")]
    [InlineData("""{"type":"http","scheme":"basic"}""", "NonBearerHttp")]
    [InlineData("""{"type":"http","scheme":"Bearer","x-realm":"staff"}""", "NonBearerHttp")]
    [InlineData("""{"type":"http","scheme":"bearer "}""", "NonBearerHttp")]
    public void Each_instance_is_the_branch_its_value_selects_and_writes_back_the_same(string json, string expected)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        foreach (string union in new[] { "Http", "Scheme" })
        {
            Type type = assembly.Type(Namespace + "." + union);

            object decoded = JsonSerializer.Deserialize(json, type)!;

            Assert.Equal(expected, decoded.GetType().Name);
            Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, type)));
        }
    }

    [Fact]
    public void The_other_variant_of_the_outer_union_still_reads()
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type scheme = assembly.Type(Namespace + ".Scheme");
        const string json = """{"type":"apiKey","name":"X-Key"}""";

        object decoded = JsonSerializer.Deserialize(json, scheme)!;

        Assert.Equal("Key", decoded.GetType().Name);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, scheme)));
    }

    private static GeneratorRun Run()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("complement.schema.json"), Schema) }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        CompilationAssert.NoWarningsOrErrors(run);
        return run;
    }
}
