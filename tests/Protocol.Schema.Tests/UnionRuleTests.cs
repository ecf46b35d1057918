using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// Object unions no single distinct tag value per variant splits (../shared/schema-shapes 03, 04, 05, 09, 10, 11, 12):
/// each variant gets the most specific rule, the catch-all variant is the unknown one, and only a union no rule splits
/// is PSG004.
/// </summary>
public sealed class UnionRuleTests
{
    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": { """ + defs + " } }");

    private static (string Name, string Tags, bool Absent, long Mask, int Order)[] Rules(UnionTypeModel union) =>
        union.Variants.Select(v => (v.Type.TypeName.Split('.').Last(), string.Join("|", v.Recognition!.TagValues), v.Recognition.WhenTagAbsent, v.Recognition.RequiredMask, v.Recognition.Order)).ToArray();

    [Fact]
    public void JsonRpc_same_const_is_no_tag_and_required_properties_tell_the_variants_apart()
    {
        var model = Defs("""
            "Message": { "anyOf": [
              { "type": "object", "properties": { "jsonrpc": { "const": "2.0" }, "id": { "type": "integer" }, "method": { "type": "string" } }, "required": ["jsonrpc", "id", "method"] },
              { "type": "object", "properties": { "jsonrpc": { "const": "2.0" }, "method": { "type": "string" } }, "required": ["jsonrpc", "method"] },
              { "type": "object", "properties": { "jsonrpc": { "const": "2.0" }, "id": { "type": "integer" }, "result": {} }, "required": ["jsonrpc", "id", "result"] } ] }
            """);

        var message = model.Union("Message");
        Assert.Null(message.DiscriminatorWireName);
        Assert.Null(message.UnknownDiscriminatorPropertyName);
        Assert.Equal(new[] { "id", "method", "result" }, message.ProbedProperties.ToArray());
        Assert.Equal(
            new[] { ("IdMethodMessage", "", false, 3L, 0), ("MethodMessage", "", false, 2L, 2), ("IdResultMessage", "", false, 5L, 1) },
            Rules(message));
        Assert.Equal("Jsonrpc", Assert.Single(message.BaseProperties).Name);
        Assert.Contains("`id`, `method` are present", model.Object("IdMethodMessage").Description, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_tag_value_adds_the_properties_only_the_overlapping_variants_need()
    {
        var model = Defs("""
            "EnumSchema": { "anyOf": [
              { "type": "object", "properties": { "type": { "const": "string" }, "enum": { "type": "array" } }, "required": ["type", "enum"] },
              { "type": "object", "properties": { "type": { "const": "string" }, "choices": { "type": "array" } }, "required": ["type", "choices"] },
              { "type": "object", "properties": { "type": { "const": "array" }, "items": {} }, "required": ["type", "items"] } ] }
            """);

        Assert.Equal(
            new[] { ("StringEnumSchema", "string", false, 1L, 0), ("StringChoicesSchema", "string", false, 2L, 1), ("ArraySchema", "array", false, 0L, 2) },
            Rules(model.Union("EnumSchema")));
    }

    [Fact]
    public void Optional_tag_selects_its_variant_when_absent_and_stays_a_property_of_it()
    {
        var model = Defs("""
            "Params": { "anyOf": [
              { "type": "object", "properties": { "mode": { "const": "form" }, "message": { "type": "string" } }, "required": ["message"] },
              { "type": "object", "properties": { "mode": { "const": "url" }, "url": { "type": "string" } }, "required": ["mode", "url"] } ] }
            """);

        var union = model.Union("Params");
        Assert.Equal("mode", union.DiscriminatorWireName);
        Assert.Equal(new[] { ("FormParams", "form", true, 0L, 0), ("UrlParams", "url", false, 0L, 1) }, Rules(union));
        var mode = model.Object("FormParams").Property("mode");
        Assert.Null(mode.ConstValue);
        Assert.Equal(Refs.String(nullable: true), mode.Type);
        Assert.Null(model.Object("FormParams").Variant!.DiscriminatorValue);
        Assert.Equal("url", model.Object("UrlParams").Variant!.DiscriminatorValue);
    }

    [Fact]
    public void Default_variant_without_the_tag_is_recognised_by_its_absence()
    {
        var model = Defs("""
            "Server": { "anyOf": [
              { "type": "object", "properties": { "type": { "const": "http" }, "url": { "type": "string" } }, "required": ["type", "url"] },
              { "type": "object", "properties": { "type": { "const": "sse" }, "url": { "type": "string" } }, "required": ["type", "url"] },
              { "type": "object", "properties": { "command": { "type": "string" } }, "required": ["command"] } ] }
            """);

        Assert.Equal(
            new[] { ("HttpServer", "http", false, 0L, 0), ("SseServer", "sse", false, 0L, 1), ("CommandServer", "", true, 0L, 2) },
            Rules(model.Union("Server")));
    }

    [Fact]
    public void Tag_as_enum_selects_its_variant_by_any_of_its_values()
    {
        var model = Defs("""
            "Field": { "anyOf": [
              { "type": "object", "properties": { "type": { "const": "string" } }, "required": ["type"] },
              { "type": "object", "properties": { "type": { "enum": ["number", "integer"] }, "minimum": { "type": "number" } }, "required": ["type"] } ] }
            """);

        Assert.Equal(new[] { ("StringField", "string", false, 0L, 0), ("NumberField", "number|integer", false, 0L, 1) }, Rules(model.Union("Field")));
        Assert.Equal(TypeKind.Enum, model.Object("NumberField").Property("type").Type.Kind);
    }

    [Fact]
    public void Catch_all_variant_is_the_unknown_variant()
    {
        var model = Defs("""
            "Block": { "anyOf": [
              { "type": "object", "properties": { "type": { "const": "text" }, "text": { "type": "string" } }, "required": ["type", "text"] },
              { "type": "object", "properties": { "type": { "const": "image" } }, "required": ["type"] },
              { "type": "object", "properties": { "type": { "type": "string" } }, "required": ["type"], "title": "other" } ] }
            """);

        var block = model.Union("Block");
        Assert.Equal(new[] { "TextBlock", "ImageBlock" }, block.Variants.Select(v => v.Type.TypeName.Split('.').Last()).ToArray());
        Assert.Equal("TypeName", block.UnknownDiscriminatorPropertyName);
        Assert.Contains("catch-all", block.Description, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Alternatives_that_only_constrain_declared_properties_are_one_record()
    {
        var model = Defs("""
            "Example": { "type": "object", "properties": { "headers": { "type": "object" }, "payload": {} },
              "anyOf": [ { "required": ["payload"] }, { "required": ["headers"] } ] },
            "Http": { "type": "object", "required": ["scheme"], "properties": { "scheme": { "type": "string" }, "bearerFormat": { "type": "string" } },
              "oneOf": [ { "properties": { "scheme": { "enum": ["bearer", "token"] } } },
                         { "not": { "required": ["bearerFormat"] }, "properties": { "scheme": { "not": { "enum": ["bearer"] } } } } ] },
            "Split": { "type": "object", "properties": { "a": { "type": "string" } },
              "oneOf": [ { "type": "object", "required": ["a"] }, { "type": "object", "properties": { "b": { "type": "string" } }, "required": ["b"] } ] }
            """);

        Assert.Equal(new[] { "headers", "payload" }, model.Object("Example").Properties.Select(p => p.WireName).ToArray());
        Assert.Equal(new[] { "scheme", "bearerFormat" }, model.Object("Http").Properties.Select(p => p.WireName).ToArray());
        Assert.DoesNotContain(model.AllTypes(), t => t is UnionTypeModel && t.Name is "Example" or "Http");

        // "token" is allowed by both branches (not the complement of the first's values): no split is proven.
        // (With the exact complement, see ComplementRuleTests, the branches are variants.)

        // A branch that names a property the object does not declare is a variant of its own: still a union.
        Assert.Equal(2, model.Union("Split").Variants.Count);
    }

    [Fact]
    public void Variants_sharing_tag_and_properties_are_told_apart_by_another_property_value()
    {
        var model = Defs("""
            "Scheme": { "oneOf": [ { "$ref": "#/$defs/Bearer" }, { "$ref": "#/$defs/OtherHttp" }, { "$ref": "#/$defs/HeaderKey" }, { "$ref": "#/$defs/UserKey" } ] },
            "Bearer": { "type": "object", "required": ["type", "scheme"], "properties": { "type": { "enum": ["http"] }, "scheme": { "enum": ["bearer"] }, "bearerFormat": { "type": "string" } } },
            "OtherHttp": { "type": "object", "required": ["scheme", "type"], "properties": { "type": { "enum": ["http"] }, "scheme": { "type": "string" } } },
            "HeaderKey": { "type": "object", "required": ["type", "in"], "properties": { "type": { "enum": ["apiKey"] }, "in": { "enum": ["header", "query"] } } },
            "UserKey": { "type": "object", "required": ["type", "in"], "properties": { "type": { "enum": ["apiKey"] }, "in": { "enum": ["user", "password"] } } }
            """);

        var union = model.Union("Scheme");
        Assert.Equal("type", union.DiscriminatorWireName);
        string Tests(string variant) => string.Join(";", union.Variants.Single(v => v.Type.TypeName.EndsWith("." + variant, System.StringComparison.Ordinal)).Recognition!.ValueTests
            .Select(t => t.Property + "=" + string.Join("|", t.Values)));
        Assert.Equal("scheme=bearer", Tests("Bearer"));
        Assert.Equal(string.Empty, Tests("OtherHttp"));
        Assert.Equal("in=header|query", Tests("HeaderKey"));
        Assert.Equal("in=user|password", Tests("UserKey"));

        // The variant with a value test is tried before the one that takes any other value.
        var order = union.Variants.ToDictionary(v => v.Type.TypeName.Split('.').Last(), v => v.Recognition!.Order);
        Assert.True(order["Bearer"] < order["OtherHttp"]);
        Assert.Contains("`scheme` is `bearer`", model.Object("Bearer").Description, System.StringComparison.Ordinal);
    }
}
