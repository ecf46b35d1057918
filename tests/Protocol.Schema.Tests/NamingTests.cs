using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Wire names to C# names.</summary>
public class NamingTests
{
    [Fact]
    public void Property_wire_names_become_pascal_case()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Sample": {
                  "type": "object",
                  "properties": {
                    "user_id": { "type": "string" },
                    "parentId": { "type": "string" },
                    "message.delta": { "type": "string" },
                    "content-type": { "type": "string" },
                    "3d_model": { "type": "string" },
                    "$type": { "type": "string" },
                    "URL": { "type": "string" },
                    "__private": { "type": "string" }
                  }
                }
              }
            }
            """);

        Assert.Equal(
            new[] { ("UserId", "user_id"), ("ParentId", "parentId"), ("MessageDelta", "message.delta"), ("ContentType", "content-type"), ("_3dModel", "3d_model"), ("Type", "$type"), ("URL", "URL"), ("Private", "__private") },
            model.Object("Sample").Properties.Select(p => (p.Name, p.WireName)).ToArray());
    }

    [Fact]
    public void Definition_names_become_pascal_case()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "user-profile": { "type": "object", "properties": { "a": { "type": "string" } } },
                "2d_point": { "type": "object", "properties": { "x": { "type": "number" } } },
                "api.v1.request": { "type": "object", "properties": { "b": { "type": "string" } } },
                "snake_case_name": { "enum": ["x"] }
              }
            }
            """);

        Assert.Equal(new[] { "ApiV1Request", "SnakeCaseName", "UserProfile", "_2dPoint" }, model.TypeNames());
    }

    [Fact]
    public void Property_named_like_its_type_gets_a_suffix()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Item": { "type": "object", "properties": { "item": { "type": "string" }, "name": { "type": "string" } } }
              }
            }
            """);

        Assert.Equal(new[] { ("ItemValue", "item"), ("Name", "name") }, model.Object("Item").Properties.Select(p => (p.Name, p.WireName)).ToArray());
    }

    [Fact]
    public void Property_named_like_a_record_member_gets_a_suffix()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Weird": {
                  "type": "object",
                  "properties": {
                    "equals": { "type": "string" },
                    "to_string": { "type": "string" },
                    "get_hash_code": { "type": "string" },
                    "equality_contract": { "type": "string" },
                    "deconstruct": { "type": "string" },
                    "print_members": { "type": "string" },
                    "get_type": { "type": "string" },
                    "accept": { "type": "string" },
                    "clone": { "type": "string" }
                  }
                }
              }
            }
            """);

        Assert.Equal(
            new[] { "EqualsValue", "ToStringValue", "GetHashCodeValue", "EqualityContractValue", "DeconstructValue", "PrintMembersValue", "GetTypeValue", "AcceptValue", "Clone" },
            model.Object("Weird").Properties.Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Keyword_like_names_are_safe_once_pascal_cased()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "class": {
                  "type": "object",
                  "properties": {
                    "namespace": { "type": "string" },
                    "int": { "type": "integer" },
                    "null": { "type": "string" },
                    "event": { "enum": ["void", "return"] }
                  }
                }
              }
            }
            """);

        Assert.Equal(new[] { "Class", "ClassEvent" }, model.TypeNames());
        Assert.Equal(new[] { "Namespace", "Int", "Null", "Event" }, model.Object("Class").Properties.Select(p => p.Name).ToArray());
        Assert.Equal(new[] { "Void", "Return" }, model.Enum("ClassEvent").Members.Select(m => m.Name).ToArray());
    }

    [Fact]
    public void Two_wire_names_colliding_in_CSharp_get_a_number_and_PSG006()
    {
        const string text = """
            {
              "definitions": {
                "Row": {
                  "type": "object",
                  "properties": {
                    "foo_bar": { "type": "string" },
                    "fooBar": { "type": "integer" }
                  }
                }
              }
            }
            """;
        var model = Schema.Build(text);

        Assert.Equal(
            new[] { ("FooBar", "foo_bar", TypeKind.String), ("FooBar2", "fooBar", TypeKind.Int64) },
            model.Object("Row").Properties.Select(p => (p.Name, p.WireName, p.Type.Kind)).ToArray());

        var diagnostic = model.Single("PSG006");
        Schema.AssertDiagnostic(diagnostic, "PSG006", SchemaDiagnosticSeverity.Warning, "#/definitions/Row/properties/fooBar", "'FooBar'", "'foo_bar'", "'FooBar2'");
        Assert.Single(model.Diagnostics);

        // Points at the second property's schema.
        Schema.AssertStartsAt(diagnostic, text, "{ \"type\": \"integer\" }");
        Assert.Equal((6, 18), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void Inline_type_name_taken_by_a_definition_gets_a_number()
    {
        const string text = """
            {
              "definitions": {
                "A": { "type": "object", "properties": { "b": { "type": "object", "properties": { "x": { "type": "string" } } } } },
                "AB": { "type": "object", "properties": { "y": { "type": "string" } } }
              }
            }
            """;
        var model = Schema.Build(text);

        Assert.Equal(new[] { "A", "AB", "AB2" }, model.TypeNames());
        Assert.Equal(Refs.Object("AB2", nullable: true), model.Object("A").Property("b").Type);
        Assert.Equal("y", Assert.Single(model.Object("AB").Properties).WireName);
        var diagnostic = model.Single("PSG006");
        Schema.AssertDiagnostic(diagnostic, "PSG006", SchemaDiagnosticSeverity.Warning, "#/definitions/A/properties/b", "'AB'", "'AB2'", "#/definitions/AB");
        Schema.AssertStartsAt(diagnostic, text, "{ \"type\": \"object\", \"properties\": { \"x\"");
    }

    [Fact]
    public void Union_generated_names_taken_by_definitions_say_whose_they_are()
    {
        var model = Schema.Build("""
            {
              "definitions": {
                "Frame": {
                  "oneOf": [
                    { "type": "object", "properties": { "type": { "const": "a" } } },
                    { "type": "object", "properties": { "type": { "const": "b" } } }
                  ]
                },
                "FrameType": { "type": "object", "properties": { "x": { "type": "string" } } }
              }
            }
            """);

        Assert.Equal(new[] { "AFrame", "BFrame", "Frame", "FrameDiscriminator", "FrameType" }, model.TypeNames());
        Assert.Equal(Refs.Enum("FrameDiscriminator"), model.Union("Frame").TypeEnum);
        Assert.IsType<ObjectTypeModel>(model.AllTypes().Single(t => t.Name == "FrameType"));
        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Serialization_is_reserved_for_the_converters_namespace()
    {
        const string text = """
            {
              "definitions": {
                "Serialization": { "type": "object", "properties": { "x": { "type": "string" } } }
              }
            }
            """;
        var model = Schema.Build(text);

        Assert.Equal(new[] { "Serialization2" }, model.TypeNames());
        var diagnostic = model.Single("PSG006");
        Schema.AssertDiagnostic(diagnostic, "PSG006", SchemaDiagnosticSeverity.Warning, "#/definitions/Serialization", "'Serialization'", "'Serialization2'");
        Schema.AssertStartsAt(diagnostic, text, "{ \"type\"");
    }
}
