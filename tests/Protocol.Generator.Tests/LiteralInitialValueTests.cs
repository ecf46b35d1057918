using System;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// Literal values the schema gives a property (<c>const</c>, <c>default</c>): a record built in code starts with them,
/// and a decoded one holds what was on the wire, so an object without the property is written back without it.
/// </summary>
public sealed class LiteralInitialValueTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "Org": {
              "type": "object",
              "required": ["login", "kind"],
              "properties": {
                "login": { "type": "string" },
                "kind": { "type": "string", "const": "Organization" },
                "name": { "type": "string", "const": "GitHub" }
              }
            },
            "Settings": {
              "type": "object",
              "required": ["id"],
              "properties": {
                "id": { "type": "string", "default": "ignored: required" },
                "mode": { "type": "string", "enum": ["fast", "safe-mode"], "default": "safe-mode" },
                "label": { "type": "string", "default": "say \"hi\"" },
                "retries": { "type": "integer", "default": 3 },
                "ratio": { "type": "number", "default": 0.5 },
                "big": { "type": "integer", "format": "int64", "default": 9000000000 },
                "verbose": { "type": "boolean", "default": true },
                "extra": { "type": "object", "default": { "a": 1 } }
              }
            }
          }
        }
        """;

    private static GeneratedAssembly Load()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("literals.schema.json"), Schema) }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        return GeneratedAssembly.Load(run);
    }

    [Theory]
    [InlineData("""{"login":"github","kind":"Organization"}""")]
    [InlineData("""{"login":"github","kind":"Organization","name":"GitHub"}""")]
    public void Optional_const_absent_on_input_stays_absent_on_output(string json)
    {
        using GeneratedAssembly assembly = Load();
        Type org = assembly.Type(Namespace + ".Org");

        object decoded = JsonSerializer.Deserialize(json, org)!;

        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, org)));
    }

    [Fact]
    public void A_record_built_in_code_starts_with_its_consts()
    {
        using GeneratedAssembly assembly = Load();
        Type org = assembly.Type(Namespace + ".Org");

        object built = JsonSerializer.Deserialize("""{"login":"x"}""", org)!;
        object created = Activator.CreateInstance(org)!;

        // Read without the required const, it is the const; created in code, both consts are set.
        Assert.Equal("Organization", org.GetProperty("Kind")!.GetValue(built));
        Assert.Null(org.GetProperty("Name")!.GetValue(built));
        Assert.Equal("GitHub", org.GetProperty("Name")!.GetValue(created));
        Assert.Equal("Organization", org.GetProperty("Kind")!.GetValue(created));
    }

    [Theory]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"id":"x","mode":"fast","label":"l","retries":0,"ratio":1.5,"big":1,"verbose":false,"extra":{}}""")]
    public void Properties_with_defaults_are_read_and_written_as_on_the_wire(string json)
    {
        using GeneratedAssembly assembly = Load();
        Type settings = assembly.Type(Namespace + ".Settings");

        object decoded = JsonSerializer.Deserialize(json, settings)!;

        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, settings)));
    }

    [Fact]
    public void A_record_built_in_code_starts_with_its_literal_defaults()
    {
        using GeneratedAssembly assembly = Load();
        Type settings = assembly.Type(Namespace + ".Settings");

        object created = Activator.CreateInstance(settings)!;

        object? Value(string name) => settings.GetProperty(name)!.GetValue(created);
        Assert.Equal("SafeMode", Value("Mode")!.ToString());
        Assert.Equal("say \"hi\"", Value("Label"));
        Assert.Equal(3L, Value("Retries"));
        Assert.Equal(0.5, Value("Ratio"));
        Assert.Equal(9000000000L, Value("Big"));
        Assert.Equal(true, Value("Verbose"));
        Assert.Null(Value("Id"));
        Assert.Null(Value("Extra"));

        // Written, the defaults are on the wire (the required id was never set: left out of the comparison).
        var written = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(created, settings))!.AsObject();
        written.Remove("id");
        Assert.Equal(
            JsonEquality.Normalize("""{"mode":"safe-mode","label":"say \"hi\"","retries":3,"ratio":0.5,"big":9000000000,"verbose":true}"""),
            JsonEquality.Normalize(written.ToJsonString()));
    }
}
