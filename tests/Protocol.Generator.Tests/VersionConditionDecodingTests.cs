using System;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// AsyncAPI's bindings: a value whose schema conditions on <c>bindingVersion</c> choose the definition. One
/// definition for every version is that definition; one per version is a union told apart by the version, where an
/// absent version reads as the definition its condition names (the latest) and is written back absent.
/// </summary>
public sealed class VersionConditionDecodingTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "KafkaV5": {
              "type": "object", "additionalProperties": false,
              "properties": { "topic": { "type": "string" }, "partitions": { "type": "integer" }, "bindingVersion": { "type": "string", "enum": ["0.5.0"] } }
            },
            "KafkaV3": {
              "type": "object", "additionalProperties": false,
              "properties": { "topic": { "type": "string" }, "bindingVersion": { "type": "string", "enum": ["0.3.0"] } }
            },
            "Amqp": {
              "type": "object", "additionalProperties": false,
              "properties": { "is": { "type": "string", "enum": ["queue", "routingKey"] }, "bindingVersion": { "type": "string", "enum": ["0.3.0"] } }
            },
            "Bindings": {
              "type": "object",
              "properties": {
                "kafka": {
                  "properties": { "bindingVersion": { "enum": ["0.5.0", "0.3.0"] } },
                  "allOf": [
                    { "description": "If no bindingVersion specified, use the latest binding", "if": { "not": { "required": ["bindingVersion"] } }, "then": { "$ref": "#/definitions/KafkaV5" } },
                    { "if": { "required": ["bindingVersion"], "properties": { "bindingVersion": { "const": "0.5.0" } } }, "then": { "$ref": "#/definitions/KafkaV5" } },
                    { "if": { "required": ["bindingVersion"], "properties": { "bindingVersion": { "const": "0.3.0" } } }, "then": { "$ref": "#/definitions/KafkaV3" } }
                  ]
                },
                "amqp": {
                  "properties": { "bindingVersion": { "enum": ["0.3.0"] } },
                  "allOf": [
                    { "if": { "not": { "required": ["bindingVersion"] } }, "then": { "$ref": "#/definitions/Amqp" } },
                    { "if": { "required": ["bindingVersion"], "properties": { "bindingVersion": { "const": "0.3.0" } } }, "then": { "$ref": "#/definitions/Amqp" } }
                  ]
                }
              }
            }
          }
        }
        """;

    [Theory]
    [InlineData("""{"kafka":{"topic":"orders","partitions":3}}""", "KafkaV5")]
    [InlineData("""{"kafka":{"topic":"orders","partitions":3,"bindingVersion":"0.5.0"}}""", "KafkaV5")]
    [InlineData("""{"kafka":{"bindingVersion":"0.3.0","topic":"orders"}}""", "KafkaV3")]
    public void A_binding_decodes_as_the_definition_its_version_chooses_and_writes_back(string json, string expected)
    {
        using GeneratedAssembly assembly = Load();
        Type bindings = assembly.Type(Namespace + ".Bindings");

        object decoded = JsonSerializer.Deserialize(json, bindings)!;

        Assert.Equal(expected, bindings.GetProperty("Kafka")!.GetValue(decoded)!.GetType().Name);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, bindings)));
    }

    [Fact]
    public void A_binding_every_version_of_which_chooses_one_definition_is_that_definition()
    {
        using GeneratedAssembly assembly = Load();
        Type bindings = assembly.Type(Namespace + ".Bindings");
        const string json = """{"amqp":{"is":"queue"}}""";

        object decoded = JsonSerializer.Deserialize(json, bindings)!;

        Assert.Equal("Amqp", bindings.GetProperty("Amqp")!.PropertyType.Name);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, bindings)));
    }

    private static GeneratedAssembly Load()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("bindings.schema.json"), Schema) }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        return GeneratedAssembly.Load(run);
    }
}
