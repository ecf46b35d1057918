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
}
