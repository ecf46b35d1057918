using System.Linq;
using Sessions.Protocol.Generator.Tests.Harness;
using Sessions.Protocol.Schema;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// A union told apart by rules: the model lays out its reader (which members the probe notes, in which locals and
/// presence bits) and each rule's tests in the order they are tried; the emitter joins and numbers nothing.
/// </summary>
public sealed partial class ModelDecisionTests
{
    // Two schemes share "http" and differ by the value of "scheme"; two events share "reopened" and differ by whether
    // "alert" has "state"; a key is told by its own tag value.
    private const string RuleSchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "Scheme": { "oneOf": [ { "$ref": "#/definitions/Bearer" }, { "$ref": "#/definitions/OtherHttp" }, { "$ref": "#/definitions/Key" } ] },
            "Bearer": {
              "type": "object", "required": [ "type", "scheme" ],
              "properties": { "type": { "type": "string", "enum": [ "http" ] }, "scheme": { "type": "string", "enum": [ "bearer" ] } }
            },
            "OtherHttp": {
              "type": "object", "required": [ "type", "scheme" ],
              "not": { "type": "object", "properties": { "scheme": { "enum": [ "bearer" ] } } },
              "properties": { "type": { "type": "string", "enum": [ "http" ] }, "scheme": { "type": "string" } }
            },
            "Key": {
              "type": "object", "required": [ "type", "name" ],
              "properties": { "type": { "type": "string", "enum": [ "apiKey" ] }, "name": { "type": "string" } }
            },
            "Reopened": { "oneOf": [ { "$ref": "#/definitions/DependabotReopened" }, { "$ref": "#/definitions/SecretReopened" } ] },
            "DependabotReopened": {
              "type": "object", "required": [ "action", "alert" ], "additionalProperties": false,
              "properties": {
                "action": { "type": "string", "enum": [ "reopened" ] },
                "alert": {
                  "type": "object", "required": [ "number", "state" ], "additionalProperties": false,
                  "properties": { "number": { "type": "integer" }, "state": { "type": "string" } }
                }
              }
            },
            "SecretReopened": {
              "type": "object", "required": [ "action", "alert" ], "additionalProperties": false,
              "properties": {
                "action": { "type": "string", "enum": [ "reopened" ] },
                "alert": {
                  "type": "object", "required": [ "number", "secret_type" ], "additionalProperties": false,
                  "properties": { "number": { "type": "integer" }, "secret_type": { "type": "string" } }
                }
              }
            }
          }
        }
        """;

    private static ProtocolModel RuleModel() => SchemaReader.BuildModel(new[]
    {
        SchemaReader.Parse(new SchemaSourceFile(TestPaths.VirtualRepoRoot + "/schema/rules.schema.json", RuleSchema, "Rules")),
    });

    [Fact]
    public void A_rule_union_keeps_a_tested_value_in_a_local_named_after_the_member_and_tests_it_in_rule_order()
    {
        UnionTypeModel scheme = TypeFile<UnionTypeModel>(RuleModel(), "Scheme");

        ProbedMember probed = Assert.Single(scheme.ProbedMembers);
        Assert.Equal(("scheme", "schemeValue"), (probed.WireName, probed.ValueLocal));
        Assert.Equal(
            new[] { "Bearer: tag http, schemeValue bearer", "OtherHttp: tag http", "Key: tag apiKey" },
            scheme.RuleChecks.Select(Describe));
        Assert.True(scheme.RulesFallBackToUnknown);
    }

    [Fact]
    public void A_rule_union_that_looks_into_a_property_gives_each_nested_member_the_bit_after_the_top_level_ones()
    {
        UnionTypeModel reopened = TypeFile<UnionTypeModel>(RuleModel(), "Reopened");

        Assert.Equal(
            reopened.ProbedProperties.Select((p, bit) => (p, (int?)bit)).Append(("alert", null)).ToArray(),
            reopened.ProbedMembers.Select(m => (m.WireName, m.PresenceBit)).Distinct().ToArray());
        NestedMemberBit state = Assert.Single(reopened.ProbedMembers.Single(m => m.WireName == "alert").NestedMembers);
        Assert.Equal(("state", reopened.ProbedProperties.Count), (state.Member, state.Bit));
        Assert.True(reopened.ProbeNotesPresence);
        Assert.Contains(reopened.RuleChecks, c => c.Tests.OfType<PresenceTest>().Any(t => t.Mask == 1L << state.Bit));
    }

    [Fact]
    public void Only_the_last_rule_may_always_hold_and_then_no_value_falls_back_to_unknown()
    {
        UnionTypeModel reopened = TypeFile<UnionTypeModel>(RuleModel(), "Reopened");

        RuleCheck last = reopened.RuleChecks[^1];
        Assert.Equal(last.AlwaysHolds, !reopened.RulesFallBackToUnknown);
        Assert.All(reopened.RuleChecks.Take(reopened.RuleChecks.Count - 1), c => Assert.False(c.AlwaysHolds));
    }

    private static string Describe(RuleCheck check)
        => check.Variant.Type.TypeName.Split('.').Last() + ": " + string.Join(", ", check.Tests.Select(t => t switch
        {
            TagTest tag => "tag " + string.Join("|", tag.Values) + (tag.OrAbsent ? "|absent" : string.Empty),
            ValueTest value => value.Local + " " + string.Join("|", value.Values),
            PresenceTest presence => "mask " + presence.Mask,
            _ => "?",
        }));
}
