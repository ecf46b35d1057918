using System;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// A kind union with several string alternatives, objects and an array that refers back to the union through a
/// one-item oneOf (Avro's schema, as AsyncAPI embeds it): one string case, the objects' union (told apart by a
/// <c>type</c> that is a const, or an enum behind a <c>$ref</c>), a list of itself.
/// </summary>
public sealed class AvroLikeKindUnionTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "avroSchema": { "title": "Avro Schema", "oneOf": [ { "$ref": "#/definitions/types" } ] },
            "types": { "oneOf": [
              { "$ref": "#/definitions/primitiveType" },
              { "$ref": "#/definitions/customTypeReference" },
              { "$ref": "#/definitions/primitiveTypeWithMetadata" },
              { "$ref": "#/definitions/record" },
              { "$ref": "#/definitions/array" },
              { "$ref": "#/definitions/union" } ] },
            "primitiveType": { "type": "string", "enum": ["null", "int", "string"] },
            "customTypeReference": { "type": "string", "not": { "$ref": "#/definitions/primitiveType" }, "pattern": "^[A-Za-z_][A-Za-z0-9_.]*$" },
            "primitiveTypeWithMetadata": { "type": "object", "required": ["type"], "properties": { "type": { "$ref": "#/definitions/primitiveType" } } },
            "union": { "type": "array", "items": { "$ref": "#/definitions/avroSchema" } },
            "field": { "type": "object", "required": ["name", "type"], "properties": { "name": { "type": "string" }, "type": { "$ref": "#/definitions/types" } } },
            "record": { "type": "object", "required": ["type", "name", "fields"], "properties": {
              "type": { "const": "record" }, "name": { "type": "string" }, "fields": { "type": "array", "items": { "$ref": "#/definitions/field" } } } },
            "array": { "type": "object", "required": ["type", "items"], "properties": { "type": { "const": "array" }, "items": { "$ref": "#/definitions/types" } } }
          }
        }
        """;

    [Theory]
    [InlineData("\"int\"", "IsString")]
    [InlineData("\"com.example.User\"", "IsString")]
    [InlineData("""["null","string"]""", "IsArray")]
    [InlineData("""{"type":"record","name":"User","fields":[{"name":"id","type":"int"},{"name":"tags","type":{"type":"array","items":"string"}},{"name":"nick","type":["null","string"]}]}""", "IsObject")]
    [InlineData("""{"type":"int","logicalType":"date"}""", "IsObject")]
    public void Every_form_decodes_to_its_case_and_writes_back(string json, string @case)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("avro-like.schema.json"), Schema) }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run);
        Type types = assembly.Type(Namespace + ".Types");

        object decoded = JsonSerializer.Deserialize(json, types)!;

        Assert.Equal(true, types.GetProperty(@case)!.GetValue(decoded));
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, types)));
    }

    [Theory]
    [InlineData("""{"type":"int","logicalType":"date"}""", "PrimitiveTypeWithMetadata")]
    [InlineData("""{"type":"int","items":"metadata that only looks like an array's"}""", "PrimitiveTypeWithMetadata")]
    [InlineData("""{"type":"array","items":"int"}""", "Array")]
    [InlineData("""{"type":"record","name":"R","fields":[]}""", "Record")]
    public void Objects_are_told_apart_by_their_type_also_when_it_is_an_enum_behind_a_reference(string json, string expected)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("avro-like.schema.json"), Schema) }).AssertNoException();
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run);
        Type objects = assembly.Type(Namespace + ".TypesObject");

        object decoded = JsonSerializer.Deserialize(json, objects)!;

        Assert.Equal(expected, decoded.GetType().Name);
    }
}
