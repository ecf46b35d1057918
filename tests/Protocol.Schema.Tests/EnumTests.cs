using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>String enums: member names, collisions, the unknown member, null.</summary>
public class EnumTests
{
    [Fact]
    public void Enum_definition_has_members_in_schema_order_and_an_unknown_member()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "ToolCallStatus": {
                  "description": "Progress of a tool call.",
                  "type": "string",
                  "enum": ["started", "in_progress", "done.ok", "failed-hard", "2fa"]
                },
                "Call": { "type": "object", "properties": { "status": { "$ref": "#/definitions/ToolCallStatus" } }, "required": ["status"] }
              }
            }
            """);

        Assert.Equal(
            new EnumTypeModel(
                "ToolCallStatus",
                "Progress of a tool call.",
                "ToolCallStatusJsonConverter",
                new[]
                {
                    new EnumMemberModel("Started", "started"),
                    new EnumMemberModel("InProgress", "in_progress"),
                    new EnumMemberModel("DoneOk", "done.ok"),
                    new EnumMemberModel("FailedHard", "failed-hard"),
                    new EnumMemberModel("_2fa", "2fa"),
                }.ToEquatableArray(),
                "Unknown"),
            model.Enum("ToolCallStatus"));
        Assert.Equal(Refs.Enum("ToolCallStatus"), model.Object("Call").Property("status").Type);
        Assert.True(model.Object("Call").Property("status").Type.IsValueType);
    }

    [Fact]
    public void Inline_enum_is_named_after_parent_and_property_and_optional_makes_it_nullable()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Light": { "type": "object", "properties": { "color": { "enum": ["red", "green"] } } }
              }
            }
            """);

        Assert.Equal(new[] { "Light", "LightColor" }, model.TypeNames());
        Assert.Equal(Refs.Enum("LightColor", nullable: true), model.Object("Light").Property("color").Type);
        Assert.Equal("global::Test.Ns.LightColor?", model.Object("Light").Property("color").Type.Declaration);
    }

    [Fact]
    public void Enum_with_null_is_nullable_and_null_is_no_member()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Light": {
                  "type": "object",
                  "properties": { "color": { "type": ["string", "null"], "enum": ["red", "green", null] } },
                  "required": ["color"]
                }
              }
            }
            """);

        var color = model.Object("Light").Property("color");
        Assert.Equal(Refs.Enum("LightColor", nullable: true), color.Type);
        Assert.True(color.IsRequired);
        Assert.Equal(new[] { "red", "green" }, model.Enum("LightColor").Members.Select(m => m.WireValue).ToArray());
    }

    [Fact]
    public void Value_unknown_moves_the_unknown_member_to_another_name()
    {
        var model = Schema.BuildClean("""
            { "definitions": { "Answer": { "enum": ["yes", "no", "unknown"] } } }
            """);

        var answer = model.Enum("Answer");
        Assert.Equal(new[] { "Yes", "No", "Unknown" }, answer.Members.Select(m => m.Name).ToArray());
        Assert.Equal("Unrecognized", answer.UnknownMember);
    }

    [Fact]
    public void Values_taking_every_unknown_candidate_still_give_a_free_unknown_member()
    {
        var parsed = Schema.Parse("""
            { "definitions": { "Answer": { "enum": ["unknown", "unrecognized", "unknown_value"] } } }
            """);

        var model = SchemaReader.BuildModel(new[] { parsed });

        var answer = model.Enum("Answer");
        Assert.Equal(new[] { "Unknown", "Unrecognized", "UnknownValue" }, answer.Members.Select(m => m.Name).ToArray());
        Assert.DoesNotContain(answer.UnknownMember, answer.Members.Select(m => m.Name));
        Assert.False(string.IsNullOrEmpty(answer.UnknownMember));
    }

    [Fact]
    public void Colliding_member_names_get_a_number_and_PSG006()
    {
        const string text = """
            {
              "definitions": {
                "Mode": { "enum": ["fast_mode", "fast-mode", "FastMode", "fast_mode"] }
              }
            }
            """;
        var model = Schema.Build(text);

        Assert.Equal(
            new[] { new EnumMemberModel("FastMode", "fast_mode"), new EnumMemberModel("FastMode2", "fast-mode"), new EnumMemberModel("FastMode3", "FastMode") },
            model.Enum("Mode").Members.ToArray());

        Assert.All(model.Diagnostics, d => Assert.Equal("PSG006", d.Id));
        Assert.Equal(2, model.Diagnostics.Count);
        var first = model.Diagnostics[0];
        Schema.AssertDiagnostic(first, "PSG006", SchemaDiagnosticSeverity.Warning, "#/definitions/Mode", "'FastMode'", "'fast_mode'", "'FastMode2'");
        Schema.AssertStartsAt(first, text, "\"enum\"");
        Assert.Equal((2, 14), (first.Location.StartLine, first.Location.StartColumn));
        Assert.Contains("'FastMode3'", model.Diagnostics[1].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_values_are_one_member()
    {
        var model = Schema.BuildClean("""
            { "definitions": { "Mode": { "enum": ["a", "b", "a"] } } }
            """);

        Assert.Equal(new[] { "A", "B" }, model.Enum("Mode").Members.Select(m => m.Name).ToArray());
    }

    [Fact]
    public void Nullable_enum_property_stays_nullable_in_its_definition_after_an_allOf_merged_it_first()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Event": { "type": "object", "properties": { "issue": { "allOf": [ { "$ref": "#/definitions/Issue" }, { "type": "object", "properties": { "number": { "type": "integer" } } } ] } } },
                "Comment": { "type": "object", "properties": { "issue": { "$ref": "#/definitions/Issue" } } },
                "Issue": { "type": "object", "properties": { "lock": { "type": ["string", "null"], "enum": ["spam", "resolved", null] } }, "required": ["lock"] }
              }
            }
            """);

        var locks = model.AllTypes().OfType<ObjectTypeModel>().SelectMany(o => o.Properties).Where(p => p.WireName == "lock").ToList();
        Assert.Equal(2, locks.Count);
        Assert.All(locks, p => Assert.True(p.Type.IsNullable, p.Type.TypeName + " lost its null"));
    }
}
