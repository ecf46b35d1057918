using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// Rule unions whose order is proven (GitHub's webhook root): a rule goes first only when no valid instance of the
/// variants after it can satisfy it; variants alike at the top level are told apart one level down; a union of event
/// unions leaves each event union its abstract record.
/// </summary>
public sealed class UnionProofTests
{
    private static ProtocolModel Defs(string defs) => Schema.Build("""{ "$schema": "http://json-schema.org/draft-07/schema#", "definitions": { """ + defs + " } }");

    private const string Alerts = """
        "Dependabot": { "type": "object", "required": ["number", "state"], "properties": { "number": { "type": "integer" }, "state": { "type": "string" } }, "additionalProperties": false },
        "Secret": { "type": "object", "required": ["number", "secret_type"], "properties": { "number": { "type": "integer" }, "secret_type": { "type": "string" } }, "additionalProperties": false },
        "DependabotReopened": { "type": "object", "required": ["action", "alert"], "properties": { "action": { "enum": ["reopened"] }, "alert": { "$ref": "#/definitions/Dependabot" } }, "additionalProperties": false },
        "SecretReopened": { "type": "object", "required": ["action", "alert"], "properties": { "action": { "enum": ["reopened"] }, "alert": { "$ref": "#/definitions/Secret" } }, "additionalProperties": false },
        "Fixed": { "type": "object", "required": ["action", "alert"], "properties": { "action": { "enum": ["fixed"] }, "alert": { "$ref": "#/definitions/Secret" } }, "additionalProperties": false }
        """;

    private static VariantRecognition Rule(UnionTypeModel union, string variant)
        => union.Variants.Single(v => v.Type.TypeName.EndsWith("." + variant, System.StringComparison.Ordinal)).Recognition!;

    [Fact]
    public void Variants_alike_at_the_top_are_told_apart_by_a_required_member_of_an_object_property()
    {
        var model = Defs(Alerts + """
            , "Event": { "oneOf": [ { "$ref": "#/definitions/DependabotReopened" }, { "$ref": "#/definitions/SecretReopened" }, { "$ref": "#/definitions/Fixed" } ] }
            """);
        Assert.Empty(model.Diagnostics);

        var union = model.Union("Event");
        Assert.Equal(new[] { new NestedProbe("alert", "state") }, union.NestedProbes.ToArray());
        var dependabot = Rule(union, "DependabotReopened");
        Assert.Equal(1L << union.ProbedProperties.Count, dependabot.RequiredMask);
        Assert.True(dependabot.Order < Rule(union, "SecretReopened").Order);
        Assert.Equal(0L, Rule(union, "SecretReopened").RequiredMask);
        Assert.Contains("`alert` has `state`", dependabot.Description, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_goes_first_only_when_the_variants_after_it_cannot_satisfy_it()
    {
        // Installation requires what Repository also declares; Repository requires what Installation forbids: so
        // Repository's rule is tried first, although Installation comes first in the schema.
        var model = Defs("""
            "Installation": { "type": "object", "required": ["action", "installation"], "properties": { "action": { "enum": ["created"] }, "installation": { "type": "string" } }, "additionalProperties": false },
            "Repository": { "type": "object", "required": ["action", "repository"], "properties": { "action": { "enum": ["created"] }, "repository": { "type": "string" }, "installation": { "type": "string" } }, "additionalProperties": false },
            "Deleted": { "type": "object", "required": ["action"], "properties": { "action": { "enum": ["deleted"] } }, "additionalProperties": false },
            "Event": { "oneOf": [ { "$ref": "#/definitions/Installation" }, { "$ref": "#/definitions/Repository" }, { "$ref": "#/definitions/Deleted" } ] }
            """);
        Assert.Empty(model.Diagnostics);

        var union = model.Union("Event");
        Assert.Equal(0, Rule(union, "Repository").Order);
        Assert.Equal(1, Rule(union, "Installation").Order);
    }

    [Fact]
    public void Variants_alike_at_both_levels_are_still_PSG004_naming_them()
    {
        var model = Defs("""
            "Inner": { "type": "object", "required": ["n"], "properties": { "n": { "type": "integer" } } },
            "A": { "type": "object", "required": ["kind", "x"], "properties": { "kind": { "enum": ["k"] }, "x": { "$ref": "#/definitions/Inner" } } },
            "B": { "type": "object", "required": ["kind", "x"], "properties": { "kind": { "enum": ["k"] }, "x": { "$ref": "#/definitions/Inner" } } },
            "C": { "type": "object", "required": ["kind"], "properties": { "kind": { "enum": ["c"] } } },
            "Event": { "oneOf": [ { "$ref": "#/definitions/A" }, { "$ref": "#/definitions/B" }, { "$ref": "#/definitions/C" } ] }
            """);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG004", SchemaDiagnosticSeverity.Warning, "#/definitions/Event", "variants 0 (A) and 1 (B)", "no required member of an object property");
    }

    [Fact]
    public void A_union_of_event_unions_is_an_interface_and_each_event_union_keeps_its_record()
    {
        var model = Schema.Build("""
            { "$schema": "http://json-schema.org/draft-07/schema#", "title": "Hooks",
              "oneOf": [ { "$ref": "#/definitions/AlertEvent" }, { "$ref": "#/definitions/PingEvent" } ],
              "definitions": {
            """ + Alerts + """
                , "AlertEvent": { "oneOf": [ { "$ref": "#/definitions/DependabotReopened" }, { "$ref": "#/definitions/SecretReopened" }, { "$ref": "#/definitions/Fixed" } ] },
                "PingEvent": { "oneOf": [ { "$ref": "#/definitions/Ping" } ] },
                "Ping": { "type": "object", "required": ["zen"], "properties": { "zen": { "type": "string" } }, "additionalProperties": false } } }
            """);
        Assert.Empty(model.Diagnostics);

        var root = model.Union("Hooks");
        Assert.True(root.IsInterface);
        Assert.False(model.Union("AlertEvent").IsInterface);

        // The one-item oneOf is its item: Ping is a variant of the root, recognised by the absent action.
        Assert.Equal(
            new[] { "DependabotReopened", "SecretReopened", "Fixed", "Ping" },
            root.Variants.Select(v => v.Type.TypeName.Split('.').Last()).ToArray());
        Assert.Equal(model.Union("AlertEvent").Name, model.Object("Fixed").Variant!.Union.TypeName.Split('.').Last());
        Assert.Single(model.Object("Ping").Interfaces);
    }

    [Fact]
    public void A_variant_whose_tag_is_any_string_is_typed_when_it_requires_what_no_other_variant_may_have()
    {
        var model = Defs("""
            "Opened": { "type": "object", "required": ["action", "issue"], "properties": { "action": { "enum": ["opened"] }, "issue": { "type": "string" } }, "additionalProperties": false },
            "Closed": { "type": "object", "required": ["action", "issue"], "properties": { "action": { "enum": ["closed"] }, "issue": { "type": "string" } }, "additionalProperties": false },
            "Dispatch": { "type": "object", "required": ["action", "client_payload"], "properties": { "action": { "type": "string" }, "client_payload": { "type": "object" } }, "additionalProperties": false },
            "Other": { "type": "object", "required": ["action"], "properties": { "action": { "type": "string" } } },
            "Typed": { "oneOf": [ { "$ref": "#/definitions/Opened" }, { "$ref": "#/definitions/Closed" }, { "$ref": "#/definitions/Dispatch" } ] },
            "Open": { "oneOf": [ { "$ref": "#/definitions/Opened" }, { "$ref": "#/definitions/Closed" }, { "$ref": "#/definitions/Other" } ] }
            """);
        Assert.Empty(model.Diagnostics);

        var dispatch = Rule(model.Union("Typed"), "Dispatch");
        Assert.Empty(dispatch.TagValues);
        Assert.False(dispatch.WhenTagAbsent);
        Assert.NotEqual(0L, dispatch.RequiredMask);
        Assert.Contains("`action` is any string and `client_payload` is present", dispatch.Description, System.StringComparison.Ordinal);

        // Without a property of its own, "any other action" is the union's unknown variant.
        Assert.DoesNotContain(model.Union("Open").Variants, v => v.Type.TypeName.EndsWith(".Other", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_a_variant_requires_without_declaring_it_may_have_any_value()
    {
        // B requires "in" without a schema for it: a value test on "in" cannot exclude B, nor can a nested one.
        var model = Defs("""
            "A": { "type": "object", "required": ["kind", "in"], "properties": { "kind": { "enum": ["x"] }, "in": { "enum": ["a"] } } },
            "B": { "type": "object", "required": ["kind", "in"], "properties": { "kind": { "enum": ["x"] } } },
            "C": { "type": "object", "required": ["kind", "in"], "properties": { "kind": { "enum": ["x"] }, "in": { "type": "string" } } },
            "D": { "type": "object", "required": ["kind"], "properties": { "kind": { "enum": ["y"] } } },
            "Event": { "oneOf": [ { "$ref": "#/definitions/A" }, { "$ref": "#/definitions/B" }, { "$ref": "#/definitions/C" }, { "$ref": "#/definitions/D" } ] }
            """);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG004", SchemaDiagnosticSeverity.Warning, "#/definitions/Event", "variants");
    }
}
