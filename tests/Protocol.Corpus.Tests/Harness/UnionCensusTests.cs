using System.Linq;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests.Harness;

/// <summary>What counts as a union, and where it is found.</summary>
public sealed class UnionCensusTests
{
    private const string Schema = """
        {
          "$defs": {
            "Shape": {
              "oneOf": [
                { "type": "object", "properties": { "kind": { "const": "circle" }, "inner": { "type": ["string", "integer"] } } },
                { "type": "object", "properties": { "kind": { "const": "square" } } }
              ]
            },
            "Role": { "anyOf": [ { "const": "user" }, { "const": "assistant" } ] },
            "Located": { "oneOf": [ { "properties": { "in": { "const": "path" } } }, { "properties": { "in": { "const": "query" } } } ] },
            "Parameter": { "type": "object", "allOf": [ { "$ref": "#/$defs/Located" }, { "anyOf": [ { "required": ["a"] }, { "required": ["b"] } ] } ] },
            "Holder": {
              "type": "object",
              "properties": {
                "shape": { "$ref": "#/$defs/Shape" },
                "maybe": { "anyOf": [ { "$ref": "#/$defs/Shape" }, { "type": "null" } ] },
                "id": { "type": ["string", "integer", "null"] },
                "number": { "type": ["integer", "number"] },
                "anything": { "type": ["string", "number", "boolean", "object", "array", "null"] },
                "anyOfAnything": { "anyOf": [ { "type": "string" }, { "type": "number" }, { "type": "boolean" }, { "type": "object" }, { "type": "array" } ] },
                "list": { "type": "array", "items": { "oneOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] } },
                "map": { "type": "object", "additionalProperties": { "anyOf": [ { "type": "string" }, { "type": "boolean" } ] } },
                "inline": { "type": "object", "properties": { "deep": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } } },
                "examples": { "const": { "oneOf": [ 1, 2 ] } }
              },
              "allOf": [ { "properties": { "merged": { "anyOf": [ { "type": "string" }, { "type": "integer" } ] } } } ],
              "patternProperties": { "^x-": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } }
            }
          }
        }
        """;

    [Fact]
    public void Counts_unions_at_public_places_with_their_path()
    {
        UnionCensus census = UnionCensus.Take(SchemaDocument.Parse(Schema, "test"));
        Assert.Equal(
            new[]
            {
                "Holder.id type [string, integer]",
                "Holder.list.[] oneOf of 2",
                "Holder.map.{} anyOf of 2",
                "Holder.inline.deep oneOf of 2",
                "Holder.merged anyOf of 2",
                "Role anyOf of 2",
                "Shape oneOf of 2",
            },
            census.Sites.Select(s => s.Path + " " + s.Form).ToArray());
        Assert.Equal("#/$defs/Holder/properties/inline/properties/deep", census.Sites.Single(s => s.Path == "Holder.inline.deep").Pointer);
    }

    [Fact]
    public void Counts_the_unions_elsewhere_apart()
    {
        UnionCensus census = UnionCensus.Take(SchemaDocument.Parse(Schema, "test"));
        Assert.Equal(
            new[]
            {
                "#/$defs/Shape/oneOf/0/properties/inner",
                "#/$defs/Located",
                "#/$defs/Parameter/allOf/1",
                "#/$defs/Holder/patternProperties/^x-",
            },
            census.Elsewhere.ToArray());
    }

    [Theory]
    [InlineData("""{ "anyOf": [ { "type": "string" }, { "type": "null" } ] }""")]
    [InlineData("""{ "oneOf": [ { "$ref": "#/$defs/X" } ] }""")]
    [InlineData("""{ "type": ["string", "null"] }""")]
    [InlineData("""{ "type": ["integer", "number"] }""")]
    [InlineData("""{ "type": ["string", "number", "boolean", "object", "array"] }""")]
    [InlineData("""{ "enum": ["a", "b"] }""")]
    [InlineData("""{ "anyOf": [ { "type": "string" }, {} ] }""")]
    [InlineData("""{ "oneOf": [ { "type": "integer" }, true ] }""")]
    public void Is_not_a_union(string schema) =>
        Assert.False(UnionCensus.IsUnion(System.Text.Json.Nodes.JsonNode.Parse(schema), out _));
}
