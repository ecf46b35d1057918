using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>An array read by position is a tuple type of its own: positions, their names and types, and the items after them.</summary>
public class TupleModelTests
{
    [Fact]
    public void Draft07_items_array_is_a_tuple_whose_positions_are_optional_and_extra_items_kept()
    {
        var model = Schema.Build("""{ "definitions": { "H": { "type": "object", "properties": { "t": { "type": "array", "items": [{ "type": "string" }, { "type": "integer" }] } }, "required": ["t"] } } }""");

        Assert.Empty(model.Diagnostics);
        var property = model.Object("H").Property("t");
        Assert.Equal(Refs.Named(TypeKind.Tuple, "HT"), property.Type);
        var tuple = model.Type<TupleTypeModel>("HT");
        Assert.Equal(new[] { "Item1", "Item2" }, tuple.Positions.Select(p => p.Name));
        Assert.Equal(new[] { Refs.String(nullable: true), Refs.Int64(nullable: true) }, tuple.Positions.Select(p => p.Type));
        Assert.Equal(0, tuple.RequiredCount);
        Assert.Equal(Refs.List(Refs.Json(), nullable: true), tuple.Rest!.List);
    }

    [Fact]
    public void PrefixItems_positions_take_titles_and_reference_names_and_min_items_makes_them_required()
    {
        var model = Schema.Build("""
            { "$defs": {
              "Name": { "type": "string" },
              "Entry": { "type": "array", "minItems": 2, "items": false,
                "prefixItems": [ { "$ref": "#/$defs/Name" }, { "title": "weight", "type": "number" }, { "type": "boolean" } ] } } }
            """);

        Assert.Empty(model.Diagnostics);
        var tuple = model.Type<TupleTypeModel>("Entry");
        Assert.Equal(new[] { "Name", "Weight", "Item3" }, tuple.Positions.Select(p => p.Name));
        Assert.Equal(new[] { true, true, false }, tuple.Positions.Select(p => p.IsRequired));
        Assert.Equal(new[] { Refs.String(), Refs.Double(), Refs.Boolean(nullable: true) }, tuple.Positions.Select(p => p.Type));
        Assert.Equal(2, tuple.RequiredCount);
        Assert.Null(tuple.Rest);
    }

    [Fact]
    public void Two_positions_with_the_same_name_are_numbered_and_a_schema_for_the_rest_types_it()
    {
        var model = Schema.Build("""
            { "$defs": { "Range": { "type": "array", "additionalItems": { "type": "string" },
              "items": [ { "title": "bound", "type": "integer" }, { "title": "bound", "type": "integer" } ] } } }
            """);

        var tuple = model.Type<TupleTypeModel>("Range");
        Assert.Equal(new[] { "Item1", "Item2" }, tuple.Positions.Select(p => p.Name));
        Assert.Equal(Refs.List(Refs.String(), nullable: true), tuple.Rest!.List);
    }
}
