using System;
using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// Two branches that only narrow their object, told apart by one required property's value: one branch allows the
/// strings S (<c>enum</c>), the other <c>not: {enum: S'}</c> with S ⊆ S' (OpenAPI 3.0's HTTP security scheme: Bearer,
/// or any other scheme). No instance is valid against both, so each branch is a variant, recognised by membership in S.
/// </summary>
public sealed class ComplementRuleTests
{
    // The shape of OpenAPI 3.0's HTTPSecurityScheme and SecurityScheme, reduced: the required names, the type and the
    // closed object with "^x-" extensions are written beside the branches.
    private const string Http = """
        "Http": { "type": "object", "required": ["scheme", "type"], "additionalProperties": false, "patternProperties": { "^x-": {} },
          "properties": { "scheme": { "type": "string" }, "bearerFormat": { "type": "string" }, "type": { "type": "string", "enum": ["http"] } },
          "oneOf": [
            { "description": "Bearer", "properties": { "scheme": { "enum": ["bearer"] } } },
            { "description": "Non Bearer", "not": { "required": ["bearerFormat"] }, "properties": { "scheme": { "not": { "enum": ["bearer"] } } } } ] }
        """;

    private static ProtocolModel Defs(string defs) => Schema.BuildClean("""{ "$schema": "http://json-schema.org/draft-04/schema#", "definitions": { """ + defs + " } }");

    private static string ShortName(UnionVariantModel variant) => variant.Type.TypeName.Split('.').Last();

    [Fact]
    public void The_branch_with_the_values_is_tested_first_and_the_complement_takes_every_other_value()
    {
        var model = Defs(Http);

        var union = model.Union("Http");
        Assert.Null(union.DiscriminatorWireName);
        Assert.Equal(new[] { "BearerHttp", "NonBearerHttp" }, union.Variants.Select(ShortName).ToArray());
        var bearer = union.Variants[0].Recognition!;
        var other = union.Variants[1].Recognition!;
        Assert.Equal("scheme=bearer", string.Join(";", bearer.ValueTests.Select(t => t.Property + "=" + string.Join("|", t.Values))));
        Assert.Empty(other.ValueTests);
        Assert.True(bearer.Order < other.Order);
        Assert.Contains("`scheme` is not `bearer`", model.Object("NonBearerHttp").Description, StringComparison.Ordinal);
        Assert.Contains("Told apart by the value of \"scheme\"", union.Description, StringComparison.Ordinal);

        // The Non Bearer branch forbids bearerFormat; the type written beside the branches is the union's, named after it.
        Assert.DoesNotContain(model.Object("NonBearerHttp").Properties, p => p.WireName == "bearerFormat");
        Assert.Contains(model.Object("BearerHttp").Properties, p => p.WireName == "bearerFormat");
        Assert.Equal("string", model.Object("NonBearerHttp").Property("scheme").Type.TypeName);
        Assert.Contains(model.AllTypes(), t => t is EnumTypeModel && t.Name == "HttpType");
    }

    [Fact]
    public void A_union_taking_the_split_object_tells_its_branches_apart_by_its_tag_and_the_same_value()
    {
        var model = Defs(Http + """
            ,
            "Key": { "type": "object", "required": ["type", "name"], "properties": { "type": { "type": "string", "enum": ["apiKey"] }, "name": { "type": "string" } } },
            "Scheme": { "oneOf": [ { "$ref": "#/definitions/Key" }, { "$ref": "#/definitions/Http" } ] }
            """);

        var scheme = model.Union("Scheme");
        Assert.Equal("type", scheme.DiscriminatorWireName);
        var order = scheme.Variants.ToDictionary(ShortName, v => v.Recognition!);
        Assert.Equal(new[] { "BearerHttp", "Key", "NonBearerHttp" }, order.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("scheme", Assert.Single(order["BearerHttp"].ValueTests).Property);
        Assert.True(order["BearerHttp"].Order < order["NonBearerHttp"].Order);
    }

    [Fact]
    public void The_complement_branch_may_come_first()
    {
        const string bearer = "{ \"description\": \"Bearer\", \"properties\": { \"scheme\": { \"enum\": [\"bearer\"] } } }";
        const string other = "{ \"description\": \"Non Bearer\", \"not\": { \"required\": [\"bearerFormat\"] }, \"properties\": { \"scheme\": { \"not\": { \"enum\": [\"bearer\"] } } } }";
        string reversed = Http.Replace(bearer + ",\n    " + other, other + ",\n    " + bearer, StringComparison.Ordinal);
        Assert.NotEqual(Http, reversed);

        var union = Defs(reversed).Union("Http");

        Assert.Equal(new[] { "NonBearerHttp", "BearerHttp" }, union.Variants.Select(ShortName).ToArray());
        Assert.Equal("scheme", Assert.Single(union.Variants[1].Recognition!.ValueTests).Property);
        Assert.Empty(union.Variants[0].Recognition!.ValueTests);
        Assert.True(union.Variants[1].Recognition!.Order < union.Variants[0].Recognition!.Order);
    }

    [Theory]
    // The property may be absent: an instance without it satisfies both branches, nothing is proven.
    [InlineData("\"required\": [\"type\"]", "[\"bearer\"]", "[\"bearer\"]")]
    // "token" is in the first branch's values and not excluded by the second: both branches admit it.
    [InlineData("\"required\": [\"scheme\", \"type\"]", "[\"bearer\", \"token\"]", "[\"bearer\"]")]
    public void Without_a_proven_complement_the_object_stays_one_record(string required, string allowed, string excluded)
    {
        var model = Defs(Http
            .Replace("\"required\": [\"scheme\", \"type\"]", required, StringComparison.Ordinal)
            .Replace("\"enum\": [\"bearer\"] } } },", "\"enum\": " + allowed + " } } },", StringComparison.Ordinal)
            .Replace("\"not\": { \"enum\": [\"bearer\"] }", "\"not\": { \"enum\": " + excluded + " }", StringComparison.Ordinal));

        Assert.DoesNotContain(model.AllTypes(), t => t is UnionTypeModel);
        Assert.Equal(new[] { "scheme", "bearerFormat", "type" }, model.Object("Http").Properties.Select(p => p.WireName).ToArray());
    }
}
