using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Idioms met in published schemas at full size (webhook, API and tool-protocol schemas).</summary>
public sealed class PublishedSchemaIdiomTests
{
    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { """ + defs + " } }");

    [Fact]
    public void A_ref_inside_an_embedded_schema_resolves_against_that_schema()
    {
        var model = Defs("""
            "Notification": {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": { "value": { "$ref": "#/$defs/__schema0" } },
              "$defs": { "__schema0": { "type": "object", "properties": { "x": { "type": "string" } } } }
            }
            """);

        Assert.Equal(TypeKind.Object, model.Object("Notification").Property("value").Type.Kind);
    }

    [Fact]
    public void Alternatives_one_of_which_accepts_anything_are_any_json_value()
    {
        var model = Defs("""
            "Styles": { "type": "object", "properties": { "v": { "anyOf": [ { "type": "string" }, {} ] } } }
            """);

        Assert.Equal(Refs.Json(nullable: true), model.Object("Styles").Property("v").Type);
    }

    [Fact]
    public void A_definition_built_as_a_record_before_an_inline_union_takes_it_becomes_that_unions_variant_once()
    {
        var model = Defs("""
            "Holder": { "type": "object", "properties": {
              "team": { "$ref": "#/$defs/Team" },
              "reviewer": { "oneOf": [ { "$ref": "#/$defs/User" }, { "$ref": "#/$defs/Team" } ] } } },
            "Team": { "type": "object", "properties": { "slug": { "type": "string" } }, "required": ["slug"] },
            "User": { "type": "object", "properties": { "login": { "type": "string" } }, "required": ["login"] }
            """);

        var team = Assert.Single(model.AllTypes(), t => t.Name == "Team");
        Assert.NotNull(Assert.IsType<ObjectTypeModel>(team).Variant);
        Assert.Equal(Refs.Object("Team", nullable: true), model.Object("Holder").Property("team").Type);
        Assert.Equal(2, model.Union("HolderReviewer").Variants.Count);
    }

    [Fact]
    public void A_type_list_of_boolean_and_object_gives_the_object_case_a_name_of_its_own()
    {
        var model = Defs("""
            "Schema": { "type": ["object", "boolean"], "properties": { "title": { "type": "string" } } }
            """);

        var union = model.Type<KindUnionTypeModel>("Schema");
        Assert.Equal(new[] { "Boolean", "Object" }, union.Cases.Select(c => c.Name).ToArray());
        Assert.Equal(Refs.Object("SchemaObject"), union.Cases[1].Type);
    }
}

/// <summary>Members an object does not declare: kept where the schema allows them (../shared/schema-shapes 16).</summary>
public sealed class ExtensionDataTests
{
    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { """ + defs + " } }");

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } } }""")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": true }""")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": {} }""")]
    public void Objects_that_allow_undeclared_members_keep_them(string schema)
    {
        Assert.Equal("AdditionalProperties", Defs("\"Thing\": " + schema).Object("Thing").ExtensionDataName);
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false }""")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "unevaluatedProperties": false }""")]
    [InlineData("""{ "allOf": [ { "type": "object", "properties": { "a": { "type": "string" } } }, { "additionalProperties": false } ] }""")]
    public void Objects_that_forbid_them_do_not(string schema)
    {
        Assert.Null(Defs("\"Thing\": " + schema).Object("Thing").ExtensionDataName);
    }

    [Fact]
    public void The_name_gives_way_to_a_declared_property()
    {
        var model = Defs("""
            "Thing": { "type": "object", "properties": { "additionalProperties": { "type": "string" } } }
            """);

        Assert.Equal("ExtensionData", model.Object("Thing").ExtensionDataName);
    }
}

/// <summary>Names of published schemas: maps that are definitions, signed numbers, taken names.</summary>
public sealed class PublishedSchemaNamingTests
{
    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { """ + defs + " } }");

    [Fact]
    public void A_definition_that_is_only_a_map_gets_its_name()
    {
        var model = Defs("""
            "Answer": { "type": "object", "properties": { "action": { "type": "string" } }, "required": ["action"] },
            "Answers": { "type": "object", "additionalProperties": { "$ref": "#/$defs/Answer" } },
            "Form": { "type": "object", "properties": { "answers": { "$ref": "#/$defs/Answers" } } }
            """);

        var answers = model.Type<MapTypeModel>("Answers");
        Assert.Equal(Refs.Object("Answer"), answers.Value);
        Assert.Equal(TypeKind.NamedMap, model.Object("Form").Property("answers").Type.Kind);
    }

    [Fact]
    public void Signed_number_names_keep_their_sign()
    {
        var model = Defs("""
            "Reactions": { "type": "object", "properties": { "+1": { "type": "integer" }, "-1": { "type": "integer" } } }
            """);

        Assert.Equal(new[] { "Plus1", "Minus1" }, model.Object("Reactions").Properties.Select(p => p.Name).ToArray());
    }

    [Fact]
    public void A_union_variant_whose_name_is_taken_is_named_after_its_union_not_numbered()
    {
        var model = Defs("""
            "Session": { "type": "object", "properties": { "messages": { "type": "array", "items": { "anyOf": [
              { "type": "object", "properties": { "role": { "const": "function" }, "calls": { "type": "array", "items": { "anyOf": [
                { "type": "object", "properties": { "type": { "const": "function" } }, "required": ["type"] },
                { "type": "object", "properties": { "type": { "const": "custom" } }, "required": ["type"] } ] } } }, "required": ["role"] },
              { "type": "object", "properties": { "role": { "const": "user" } }, "required": ["role"] } ] } } } }
            """);

        Assert.Contains("FunctionItem", model.TypeNames());
        Assert.Contains("FunctionFunctionItemCallsItem", model.TypeNames());
        Assert.DoesNotContain(model.TypeNames(), n => n.EndsWith('2'));
    }

    [Fact]
    public void A_type_enum_whose_name_a_definition_has_is_named_after_its_union()
    {
        var model = Defs("""
            "TypeKind": { "type": "string", "enum": ["base", "reference"] },
            "Type": { "anyOf": [
              { "type": "object", "properties": { "kind": { "const": "base" } }, "required": ["kind"] },
              { "type": "object", "properties": { "kind": { "const": "reference" } }, "required": ["kind"] } ] }
            """);

        Assert.Equal("TypeDiscriminator", model.Union("Type").TypeEnum.TypeName.Split('.').Last());
    }
}

/// <summary>A union whose wanted name is its own variant's: named after what it joins.</summary>
public sealed class UnionNamingTests
{
    [Fact]
    public void A_union_whose_name_is_taken_by_a_definition_is_named_after_its_variants()
    {
        var model = Schema.BuildClean("""
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {
              "Reference": { "type": "object", "properties": { "$ref": { "type": "string" } }, "required": ["$ref"] },
              "OperationReply": { "type": "object", "properties": { "address": { "type": "string" } } },
              "Operation": { "type": "object", "properties": { "reply": { "oneOf": [ { "$ref": "#/$defs/OperationReply" }, { "$ref": "#/$defs/Reference" } ] } } } } }
            """);

        Assert.Equal(Refs.Union("OperationReplyOrReference", nullable: true), model.Object("Operation").Property("reply").Type);
    }
}

/// <summary>A union inside the properties of one of its own variants (a schema of schemas).</summary>
public sealed class RecursiveUnionTests
{
    [Fact]
    public void A_record_that_is_a_variant_of_a_union_in_its_own_properties_implements_it()
    {
        var model = Schema.BuildClean("""
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {
              "Reference": { "type": "object", "properties": { "$ref": { "type": "string" } }, "required": ["$ref"] },
              "Schema": { "type": "object", "properties": { "title": { "type": "string" },
                "not": { "oneOf": [ { "$ref": "#/$defs/Schema" }, { "$ref": "#/$defs/Reference" } ] } } } } }
            """);

        var union = model.Union("SchemaNot");
        Assert.True(union.IsInterface);
        Assert.Equal(Refs.Union("SchemaNot"), Assert.Single(model.Object("Schema").Interfaces).Union);
        Assert.Equal(Refs.Union("SchemaNot"), Assert.Single(model.Object("Reference").Interfaces).Union);
        Assert.Single(model.AllTypes(), t => t.Name == "Schema");
    }

    [Fact]
    public void The_object_case_of_a_kind_union_and_a_plain_union_of_the_same_objects_are_one_union()
    {
        // OpenAPI 3.0: additionalProperties is oneOf [Schema, Reference, boolean]; not, and the components' schemas,
        // are oneOf [Schema, Reference]. A record has one base, so two unions could not both take Reference.
        var model = Schema.BuildClean("""
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {
              "Reference": { "type": "object", "properties": { "$ref": { "type": "string" } }, "required": ["$ref"] },
              "Schema": { "type": "object", "properties": { "title": { "type": "string" },
                "additionalProperties": { "oneOf": [ { "$ref": "#/$defs/Schema" }, { "$ref": "#/$defs/Reference" }, { "type": "boolean" } ] },
                "not": { "oneOf": [ { "$ref": "#/$defs/Schema" }, { "$ref": "#/$defs/Reference" } ] } } },
              "Components": { "type": "object", "properties": {
                "schemas": { "type": "object", "additionalProperties": { "oneOf": [ { "$ref": "#/$defs/Schema" }, { "$ref": "#/$defs/Reference" } ] } } } } } }
            """);

        var not = model.Object("Schema").Property("not").Type;
        Assert.Equal(TypeKind.Union, not.Kind);
        Assert.Equal(not.TypeName, Assert.IsType<MapTypeRef>(model.Object("Components").Property("schemas").Type).Element.TypeName);
        var additional = model.Type<KindUnionTypeModel>(model.Object("Schema").Property("additionalProperties").Type.TypeName.Split('.').Last());
        Assert.Equal(not.TypeName, additional.Cases.Single(c => c.Kind == JsonKind.Object).Type.TypeName);
    }
}
