using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// <c>default</c> as an optional property's initial value (literals of its own type only), and <c>title</c> as the
/// name of an inline schema that has no definition name.
/// </summary>
public sealed class DefaultAndTitleTests
{
    [Fact]
    public void A_literal_default_of_an_optional_property_is_its_initial_value_and_it_stays_nullable()
    {
        var model = Schema.BuildClean("""
            { "definitions": { "Settings": { "type": "object", "required": ["id"], "properties": {
              "id": { "type": "string", "default": "x" },
              "mode": { "type": "string", "enum": ["fast", "safe-mode"], "default": "safe-mode" },
              "retries": { "type": "integer", "default": 3 },
              "ratio": { "type": "number", "default": 1e-3 },
              "verbose": { "type": "boolean", "default": false },
              "wrongKind": { "type": "integer", "default": "3" },
              "notWhole": { "type": "integer", "default": 1.5 },
              "unknownMember": { "type": "string", "enum": ["a"], "default": "b" },
              "extra": { "type": "object", "default": {} } } } } }
            """);

        var settings = model.Object("Settings");
        Assert.Null(settings.Property("id").DefaultValue);
        Assert.Equal("SafeMode", settings.Property("mode").DefaultValue);
        Assert.True(settings.Property("mode").Type.IsNullable);
        Assert.Equal("3", settings.Property("retries").DefaultValue);
        Assert.Equal(Refs.Int64(nullable: true), settings.Property("retries").Type);
        Assert.Equal("1e-3", settings.Property("ratio").DefaultValue);
        Assert.Equal("false", settings.Property("verbose").DefaultValue);
        Assert.Null(settings.Property("wrongKind").DefaultValue);
        Assert.Null(settings.Property("notWhole").DefaultValue);
        Assert.Null(settings.Property("unknownMember").DefaultValue);
        Assert.Null(settings.Property("extra").DefaultValue);
    }

    [Fact]
    public void An_inline_schema_is_named_by_its_title_and_by_where_it_sits_when_the_title_is_taken()
    {
        var model = Schema.BuildClean("""
            { "definitions": {
              "Location": { "type": "object", "properties": { "path": { "type": "string" } } },
              "Alert": { "type": "object", "properties": {
                "details": { "title": "Commit details", "type": "object", "properties": { "sha": { "type": "string" } } },
                "where": { "title": "Location", "type": "object", "properties": { "line": { "type": "integer" } } } } } } }
            """);

        Assert.Equal(Refs.Object("CommitDetails", nullable: true), model.Object("Alert").Property("details").Type);
        Assert.Equal(Refs.Object("AlertWhere", nullable: true), model.Object("Alert").Property("where").Type);
    }
}

/// <summary>A oneOf/anyOf whose alternatives are all arrays: one array of the union of their items.</summary>
public sealed class ArrayAlternativesTests
{
    [Fact]
    public void Alternatives_that_are_all_arrays_are_one_array_of_their_items()
    {
        var model = Schema.BuildClean("""
            { "definitions": {
              "Events": { "oneOf": [
                { "type": "array", "items": { "type": "string", "enum": ["push", "issues"] } },
                { "type": "array", "items": { "type": "string", "const": "*" }, "maxItems": 1 } ] },
              "Values": { "anyOf": [
                { "type": "array", "items": { "type": "string" } },
                { "type": "array", "items": { "type": "integer" } } ] },
              "Hook": { "type": "object", "properties": {
                "events": { "$ref": "#/definitions/Events" },
                "values": { "$ref": "#/definitions/Values" } } } } }
            """);

        var hook = model.Object("Hook");
        Assert.Equal(Refs.List(Refs.String(), nullable: true), hook.Property("events").Type);
        var values = hook.Property("values").Type;
        var array = Assert.IsType<Sessions.Protocol.Schema.Model.ArrayTypeRef>(values);
        Assert.Equal(Sessions.Protocol.Schema.Model.TypeKind.KindUnion, array.Element.Kind);
    }
}
