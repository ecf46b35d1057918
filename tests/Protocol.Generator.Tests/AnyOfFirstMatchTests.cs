using System;
using System.Linq;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// An <c>anyOf</c> whose alternatives overlap in kind (Kafka 0.4.0's message key: a Reference, a JSON Schema object, or
/// an Avro schema that is a string, an object or an array): a value may satisfy several, so the first listed that it
/// satisfies is taken; an alternative that is not the last for its kind is taken when its type reads the value and
/// writes it back as the same JSON. A <c>oneOf</c> of the same alternatives keeps its PSG004 (it promises exactly one).
/// </summary>
public sealed class AnyOfFirstMatchTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "Reference": { "type": "object", "required": ["$ref"], "properties": { "$ref": { "type": "string" } } },
            "JsonSchema": { "type": "object", "properties": {
              "type": { "type": "string", "enum": ["string", "integer", "object", "array"] },
              "description": { "type": "string" } } },
            "Avro": { "oneOf": [
              { "type": "string", "enum": ["int", "long", "string"] },
              { "$ref": "#/definitions/AvroRecord" },
              { "type": "array", "items": { "$ref": "#/definitions/Avro" } } ] },
            "AvroRecord": { "type": "object", "required": ["type", "name"], "properties": {
              "type": { "const": "record" }, "name": { "type": "string" } } },
            "Message": { "type": "object", "properties": {
              "key": { "description": "The message key.", "anyOf": [
                { "$ref": "#/definitions/Reference" }, { "$ref": "#/definitions/JsonSchema" }, { "$ref": "#/definitions/Avro" } ] } } }
          }
        }
        """;

    [Theory]
    [InlineData("""{"$ref":"#/components/schemas/Key"}""", "IsReference")]
    [InlineData("""{"$ref":"#/components/schemas/Key","description":"a reference is listed first, and may carry more"}""", "IsReference")]
    [InlineData("""{"type":"string","description":"user id"}""", "IsJsonSchema")]
    [InlineData("""{}""", "IsJsonSchema")]
    [InlineData("""{"type":"string","name":"a JSON Schema keeps what it does not declare"}""", "IsJsonSchema")]
    [InlineData("""{"type":"record","name":"User"}""", "IsAvro")]
    [InlineData("\"long\"", "IsAvro")]
    [InlineData("""["int",{"type":"record","name":"R"}]""", "IsAvro")]
    public void A_value_is_the_first_listed_alternative_it_satisfies_and_writes_back_the_same(string json, string expected)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type key = assembly.Type(Namespace + ".MessageKey");

        object decoded = JsonSerializer.Deserialize(json, key)!;

        Assert.Equal(true, key.GetProperty(expected)!.GetValue(decoded));
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, key)));
    }

    [Fact]
    public void Inside_a_record_the_key_reads_and_the_docs_say_the_order()
    {
        GeneratorRun run = Run();
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run);
        Type message = assembly.Type(Namespace + ".Message");
        const string json = """{"key":{"type":"record","name":"User"}}""";

        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, message), message)));
        string source = run.SourcesByHintName[Namespace + ".MessageKey.g.cs"];
        Assert.Contains("Listed second in the schema's anyOf, whose first satisfied alternative wins: an object that is not Reference is tried as this case, and taken when it reads and writes back the same JSON.", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "Cannot read MessageKey: expected a string or an array or an object but found true.")]
    [InlineData("""{"type":"boolean"}""", "The JSON object for AvroRecord lacks its required property 'name'.")]
    public void A_value_no_alternative_takes_is_refused(string json, string expected)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type key = assembly.Type(Namespace + ".MessageKey");

        Exception error = Record.Exception(() => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, key), key))!;

        Assert.IsAssignableFrom<JsonException>(error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_oneOf_of_the_same_alternatives_keeps_its_warning()
    {
        string oneOf = Schema.Replace("\"anyOf\": [", "\"oneOf\": [", StringComparison.Ordinal);
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("first-match.schema.json"), oneOf) }).AssertNoException();

        Assert.Equal("PSG004", Assert.Single(run.Diagnostics).Id);
    }

    private static GeneratorRun Run()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("first-match.schema.json"), Schema) }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        CompilationAssert.NoWarningsOrErrors(run);
        return run;
    }
}
