using System;
using System.Collections;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// Arrays read by position (draft-07 <c>"items": [ ... ]</c>, 2020-12 <c>prefixItems</c>): a record with one property per
/// position, read and written in order; the items after the positions kept, typed or refused as the schema says; a
/// clear error naming the position on a wrong kind.
/// </summary>
public sealed class TupleTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string PrefixItemsSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Name": { "type": "string" },
            "Pair": { "type": "array", "prefixItems": [ { "$ref": "#/$defs/Name" }, { "type": "integer" } ], "minItems": 1, "items": false }
          }
        }
        """;

    [Theory]
    [InlineData("Point", "[1.5,2]")]
    [InlineData("TraitWithOptions", "[]")]
    [InlineData("TraitWithOptions", """[{"name":"a"}]""")]
    [InlineData("TraitWithOptions", """[{"name":"a"},{"retries":3}]""")]
    [InlineData("TraitWithOptions", """[{"name":"a"},{"retries":3},"more",[1,{"x":null}]]""")]
    [InlineData("Labelled", """["apples"]""")]
    [InlineData("Labelled", """["apples",1,2,3]""")]
    [InlineData("Shape", """{"corner":[0,-1],"traits":[{"name":"a"},[{"name":"b"},{"k":"v"}],[{"name":"c"}]]}""")]
    public void Every_instance_decodes_and_writes_back_the_same_array(string definition, string json)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type type = assembly.Type(Namespace + "." + definition);

        object decoded = JsonSerializer.Deserialize(json, type)!;

        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, type)));
    }

    [Fact]
    public void Positions_are_named_by_title_or_reference_else_numbered_and_typed()
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type point = assembly.Type(Namespace + ".Point");
        Type entry = assembly.Type(Namespace + ".TraitWithOptions");
        Type labelled = assembly.Type(Namespace + ".Labelled");

        object p = JsonSerializer.Deserialize("[1.5,2]", point)!;
        object e = JsonSerializer.Deserialize("""[{"name":"a"},{"retries":3},"more"]""", entry)!;
        object l = JsonSerializer.Deserialize("""["apples",4,5]""", labelled)!;

        Assert.Equal(1.5, point.GetProperty("X")!.GetValue(p));
        Assert.Equal(2.0, point.GetProperty("Y")!.GetValue(p));
        Assert.Null(point.GetProperty("Rest"));
        object trait = entry.GetProperty("Trait")!.GetValue(e)!;
        Assert.Equal("a", trait.GetType().GetProperty("Name")!.GetValue(trait));
        Assert.NotNull(entry.GetProperty("Item2")!.GetValue(e));
        Assert.Single((IEnumerable)entry.GetProperty("Rest")!.GetValue(e)!);
        Assert.Equal("apples", labelled.GetProperty("Item1")!.GetValue(l));
        Assert.Equal(new long[] { 4, 5 }, (System.Collections.Generic.IEnumerable<long>)labelled.GetProperty("Rest")!.GetValue(l)!);
    }

    [Fact]
    public void An_optional_position_left_null_ends_the_array_before_it()
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type entry = assembly.Type(Namespace + ".TraitWithOptions");
        object decoded = JsonSerializer.Deserialize("""[{"name":"a"},{"retries":3}]""", entry)!;
        object withoutOptions = Activator.CreateInstance(entry)!;
        entry.GetProperty("Trait")!.SetValue(withoutOptions, entry.GetProperty("Trait")!.GetValue(decoded));

        Assert.Equal("""[{"name":"a"}]""", JsonSerializer.Serialize(withoutOptions, entry));
    }

    [Theory]
    [InlineData("Point", "[\"a\",2]", "Point[0] (X)")]
    [InlineData("Point", "[1,true]", "Point[1] (Y)")]
    [InlineData("Point", "[1]", "at least 2 items but has 1")]
    [InlineData("Point", "[1,2,3]", "more than 2 positions, and the schema allows no more")]
    [InlineData("Point", "{\"x\":1}", "Cannot read Point: expected an array")]
    [InlineData("TraitWithOptions", "[{\"name\":\"a\"},\"options\"]", "TraitWithOptions[1] (Item2)")]
    [InlineData("Labelled", "[\"apples\",\"pears\"]", "Labelled.Rest")]
    public void A_wrong_array_is_refused_with_an_error_naming_the_position(string definition, string json, string expected)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Run());
        Type type = assembly.Type(Namespace + "." + definition);

        JsonException error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, type));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["x"]""", null)]
    [InlineData("""["x",2]""", null)]
    [InlineData("""["x",2,3]""", "more than 2 positions")]
    [InlineData("""[2]""", "Pair[0] (Name)")]
    [InlineData("""[]""", "at least 1 item but has 0")]
    public void PrefixItems_with_items_false_reads_the_positions_and_refuses_more(string json, string? error)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("pair.schema.json"), PrefixItemsSchema) }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        CompilationAssert.NoWarningsOrErrors(run);
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run);
        Type pair = assembly.Type(Namespace + ".Pair");

        if (error is null)
        {
            Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, pair), pair));
        }
        else
        {
            Assert.Contains(error, Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, pair)).Message, StringComparison.Ordinal);
        }
    }

    private static GeneratorRun Run()
    {
        GeneratorRun run = GeneratorHarness.Run(TestSchemas.Tuples).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        return run;
    }
}
