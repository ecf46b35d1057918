using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// The value shapes of published schemas (../shared/schema-shapes 01, 02, 06, 07, 08, 14, 15): documented consts,
/// open enums, unions of JSON kinds, a $ref in a one-item allOf, properties named like keywords.
/// </summary>
public sealed class ValueShapeTests
{
    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { """ + defs + " } }");

    [Fact]
    public void OneOf_of_documented_string_consts_is_an_enum_with_member_docs()
    {
        var model = Defs("""
            "Role": { "oneOf": [
              { "type": "string", "const": "user", "description": "A person." },
              { "const": "assistant", "description": "The model." } ] }
            """);

        var role = model.Enum("Role");
        Assert.Equal(new (string, string, string?)[] { ("User", "user", "A person."), ("Assistant", "assistant", "The model.") }, role.Members.Select(m => (m.Name, m.WireValue, m.Description)).ToArray());
        Assert.Equal("Unknown", role.UnknownMember);
    }

    [Fact]
    public void Consts_plus_any_string_is_an_extensible_enum()
    {
        var model = Defs("""
            "Status": { "anyOf": [
              { "type": "string", "const": "pending" },
              { "type": "string", "const": "done" },
              { "type": "string", "description": "Custom or future status." } ] },
            "Call": { "type": "object", "properties": { "status": { "$ref": "#/$defs/Status" } }, "required": ["status"] }
            """);

        var status = model.Type<ExtensibleEnumTypeModel>("Status");
        Assert.Equal(new[] { "Pending", "Done" }, status.Members.Select(m => m.Name).ToArray());
        Assert.Equal("Custom or future status.", status.OtherDescription);
        Assert.Equal(Refs.Named(TypeKind.ExtensibleEnum, "Status"), model.Object("Call").Property("status").Type);
        Assert.True(model.Object("Call").Property("status").Type.IsValueType);
    }

    [Fact]
    public void Extensible_enum_members_never_take_the_names_of_the_struct_members()
    {
        var model = Defs("""
            "Odd": { "anyOf": [ { "const": "equals" }, { "const": "to_string" }, { "type": "string" } ] }
            """);

        Assert.Equal(new[] { "EqualsValue", "ToStringValue" }, model.Type<ExtensibleEnumTypeModel>("Odd").Members.Select(m => m.Name).ToArray());
    }

    [Fact]
    public void AnyOf_of_json_kinds_is_a_kind_union_with_one_case_per_kind()
    {
        var model = Defs("""
            "Value": { "anyOf": [ { "type": "string" }, { "type": "integer" }, { "type": "boolean" }, { "type": "array", "items": { "type": "string" } } ] }
            """);

        var value = model.Type<KindUnionTypeModel>("Value");
        Assert.Equal(
            new[] { ("String", JsonKind.String, 1), ("Integer", JsonKind.Integer, 2), ("Boolean", JsonKind.Boolean, 3), ("Array", JsonKind.Array, 4) },
            value.Cases.Select(c => (c.Name, c.Kind, c.Tag)).ToArray());
        Assert.Equal(Refs.List(Refs.String()), value.Cases[3].Type);
        Assert.Equal("string[]", value.Cases[3].ConversionFrom);
    }

    [Fact]
    public void Type_listing_several_types_is_a_kind_union_and_keeps_null()
    {
        var model = Defs("""
            "Request": { "type": "object", "properties": { "id": { "type": ["string", "integer", "null"] } }, "required": ["id"] }
            """);

        var id = model.Object("Request").Property("id");
        Assert.Equal(Refs.Named(TypeKind.KindUnion, "RequestId", nullable: true), id.Type);
        Assert.Equal(new[] { JsonKind.String, JsonKind.Integer }, model.Type<KindUnionTypeModel>("RequestId").Cases.Select(c => c.Kind).ToArray());
    }

    [Fact]
    public void Type_listing_every_kind_is_any_json_value_silently()
    {
        var model = Defs("""
            "Holder": { "type": "object", "properties": { "v": { "type": ["string", "number", "boolean", "object", "array", "null"] } } }
            """);

        Assert.Equal(Refs.Json(nullable: true), model.Object("Holder").Property("v").Type);
    }

    [Fact]
    public void One_or_many_is_a_kind_union_of_the_item_and_the_array()
    {
        var model = Defs("""
            "Message": { "type": "object", "properties": { "content": { "anyOf": [
              { "type": "string" },
              { "type": "array", "items": { "type": "object", "properties": { "text": { "type": "string" } } } } ] } } }
            """);

        var content = model.Type<KindUnionTypeModel>("MessageContent");
        Assert.Equal(new[] { "String", "Array" }, content.Cases.Select(c => c.Name).ToArray());
        Assert.Equal(TypeKind.Object, Assert.IsType<ArrayTypeRef>(content.Cases[1].Type).Element.Kind);
    }

    [Fact]
    public void Ref_in_a_one_item_allOf_is_that_reference_with_the_outer_description()
    {
        var model = Defs("""
            "SessionId": { "type": "string" },
            "Priority": { "type": "string", "enum": ["high", "low"] },
            "Usage": { "type": "object", "properties": { "tokens": { "type": "integer" } } },
            "Entry": { "type": "object", "properties": {
              "id": { "description": "The session.", "allOf": [ { "$ref": "#/$defs/SessionId" } ] },
              "priority": { "allOf": [ { "$ref": "#/$defs/Priority" } ] },
              "usage": { "description": "What it cost.", "allOf": [ { "$ref": "#/$defs/Usage" } ] } } }
            """);

        var entry = model.Object("Entry");
        Assert.Equal(Refs.String(nullable: true), entry.Property("id").Type);
        Assert.Equal("The session.", entry.Property("id").Description);
        Assert.Equal(Refs.Enum("Priority", nullable: true), entry.Property("priority").Type);
        Assert.Equal(Refs.Object("Usage", nullable: true), entry.Property("usage").Type);
        Assert.DoesNotContain("EntryUsage", model.TypeNames());
    }

    [Fact]
    public void Properties_named_like_keywords_are_properties()
    {
        var model = Defs("""
            "Titled": { "type": "object", "properties": {
              "oneOf": { "type": "array", "items": { "type": "object", "properties": { "const": { "type": "string" } } } },
              "anyOf": { "type": "string" }, "type": { "type": "string" }, "$ref": { "type": "string" } } }
            """);

        var titled = model.Object("Titled");
        Assert.Equal(new[] { "oneOf", "anyOf", "type", "$ref" }, titled.Properties.Select(p => p.WireName).ToArray());
        Assert.Equal(TypeKind.Array, titled.Property("oneOf").Type.Kind);
    }
}

/// <summary>Alternatives mixing kinds as published API schemas write them.</summary>
public sealed class MixedAlternativeTests
{
    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { """ + defs + " } }");

    [Fact]
    public void Strings_of_different_formats_are_a_string()
    {
        var model = Defs("""
            "Status": { "type": "object", "properties": { "url": { "oneOf": [ { "type": "string", "format": "uri" }, { "type": "string", "enum": [""] } ] } } }
            """);

        Assert.Equal(Refs.String(nullable: true), model.Object("Status").Property("url").Type);
    }

    [Fact]
    public void Several_objects_beside_another_kind_make_the_object_case_a_union()
    {
        var model = Defs("""
            "Reference": { "type": "object", "properties": { "$ref": { "type": "string" } }, "required": ["$ref"] },
            "Schema": { "type": "object", "properties": { "title": { "type": "string" } } },
            "Holder": { "type": "object", "properties": {
              "items": { "oneOf": [ { "$ref": "#/$defs/Schema" }, { "$ref": "#/$defs/Reference" }, { "type": "boolean" } ] } } }
            """);

        var kinds = model.Type<KindUnionTypeModel>("HolderItems");
        Assert.Equal(new[] { JsonKind.Boolean, JsonKind.Object }, kinds.Cases.Select(c => c.Kind).ToArray());
        Assert.Equal(Refs.Union("HolderItemsObject"), kinds.Cases[1].Type);
        Assert.Equal(2, model.Union("HolderItemsObject").Variants.Count);
    }
}

/// <summary><c>patternProperties</c> with one pattern: a map of that pattern's values.</summary>
public sealed class PatternPropertiesTests
{
    [Fact]
    public void One_pattern_is_a_map_of_its_values()
    {
        var model = Schema.BuildClean("""
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {
              "Holder": { "type": "object", "properties": { "extensions": { "patternProperties": { "^x-": { "type": "integer" } } } } } } }
            """);

        Assert.Equal(Refs.Map(Refs.Int64(), nullable: true), model.Object("Holder").Property("extensions").Type);
    }
}
