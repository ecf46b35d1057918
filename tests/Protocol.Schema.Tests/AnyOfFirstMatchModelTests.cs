using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>An anyOf whose alternatives overlap in kind is one case per alternative, tried per token kind in the schema's order.</summary>
public class AnyOfFirstMatchModelTests
{
    private const string Schema07 = """
        { "definitions": {
          "Reference": { "type": "object", "required": ["$ref"], "properties": { "$ref": { "type": "string" } } },
          "Avro": { "oneOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "object", "properties": { "name": { "type": "string" } } } ] },
          "Key": { "KEYWORD": [ { "$ref": "#/definitions/Reference" }, { "type": "boolean", "title": "flag" }, { "$ref": "#/definitions/Avro" } ] } } }
        """;

    [Fact]
    public void Cases_are_the_alternatives_in_order_and_each_kind_lists_the_cases_that_take_it()
    {
        var model = Schema.BuildClean(Schema07.Replace("KEYWORD", "anyOf", System.StringComparison.Ordinal));

        var key = model.Type<AnyOfUnionTypeModel>("Key");
        Assert.Equal(new[] { "Reference", "Flag", "Avro" }, key.Cases.Select(c => c.Name));
        Assert.Equal(new[] { JsonKind.String, JsonKind.Boolean, JsonKind.Array, JsonKind.Object }, key.CandidatesByKind.Select(k => k.Kind));
        Assert.Equal(new[] { "Reference", "Avro" }, key.CandidatesByKind.Single(k => k.Kind == JsonKind.Object).Cases.Select(c => c.Name));
        Assert.StartsWith("Listed third", key.Cases[2].Recognition, System.StringComparison.Ordinal);
        Assert.Contains("an object that is not Reference is tried as this case and taken", key.Cases[2].Recognition, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_alternatives_in_a_oneOf_are_not_read_by_first_match()
    {
        var model = Schema.Build(Schema07.Replace("KEYWORD", "oneOf", System.StringComparison.Ordinal));

        Assert.DoesNotContain(model.AllTypes(), t => t is AnyOfUnionTypeModel);
        Assert.Contains(model.Diagnostics, d => d.Id == "PSG004");
    }
}
