using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Every diagnostic: id, severity, message (names the element, has a fix), JSON pointer and exact place.</summary>
public class DiagnosticTests
{
    private const SchemaDiagnosticSeverity Error = SchemaDiagnosticSeverity.Error;
    private const SchemaDiagnosticSeverity Warning = SchemaDiagnosticSeverity.Warning;

    // ---- PSG001 invalid JSON -----------------------------------------------------------------

    private static SchemaDiagnostic InvalidJson(string text)
    {
        var parsed = Schema.Parse(text);
        Assert.Null(parsed.Root);
        var diagnostic = Assert.Single(parsed.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG001", Error, "#", "not valid JSON");
        Assert.DoesNotContain("LineNumber", diagnostic.Message, System.StringComparison.Ordinal);

        // The build reports it too, and generates nothing for the file.
        var model = SchemaReader.BuildModel(new[] { parsed });
        Assert.Empty(model.Files);
        Assert.Equal(diagnostic, Assert.Single(model.Diagnostics));
        return diagnostic;
    }

    [Fact]
    public void PSG001_truncated_file_points_at_its_end()
    {
        const string text = """
            {
              "definitions": {
                "A": { "type": "object"
            """;
        var diagnostic = InvalidJson(text);

        Assert.Equal(text.Length, diagnostic.Location.Start);
        Assert.Equal(0, diagnostic.Location.Length);
        Assert.Equal((2, 27), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal((2, 27), (diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
        Assert.Equal(Schema.DefaultPath, diagnostic.Location.FilePath);
    }

    [Fact]
    public void PSG001_trailing_garbage_points_at_the_garbage()
    {
        const string text = """
            { "definitions": {} }
            trailing
            """;
        var diagnostic = InvalidJson(text);

        Schema.AssertStartsAt(diagnostic, text, "trailing");
        Assert.Equal((1, 0), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(1, diagnostic.Location.Length);
    }

    [Fact]
    public void PSG001_second_value_after_the_first_points_at_it()
    {
        const string text = """{ "a": 1 } { "b": 2 }""";
        var diagnostic = InvalidJson(text);

        Assert.Equal((0, 11), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(11, diagnostic.Location.Start);
    }

    [Fact]
    public void PSG001_location_counts_characters_not_utf8_bytes()
    {
        // é, ï, ö take two UTF-8 bytes, the emoji four bytes and two UTF-16 chars: the column is in chars.
        const string text = """
            {
              "description": "Ünïcödé 🎉 text on an earlier line",
              "title": "naïve 🎉 café" "oops": 1
            }
            """;
        var diagnostic = InvalidJson(text);

        Schema.AssertStartsAt(diagnostic, text, "\"oops\"");
        Assert.Equal((2, 27), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(1, diagnostic.Location.Length);
    }

    [Fact]
    public void PSG001_location_with_crlf_line_endings()
    {
        var text = "{\r\n  \"a\": 1,\r\n  \"b\": ]\r\n}";
        var diagnostic = InvalidJson(text);

        Assert.Equal(text.IndexOf(']', System.StringComparison.Ordinal), diagnostic.Location.Start);
        Assert.Equal((2, 7), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void PSG001_empty_file()
    {
        var diagnostic = InvalidJson(string.Empty);

        Assert.Equal((0, 0, 0, 0), (diagnostic.Location.Start, diagnostic.Location.Length, diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void PSG001_ref_into_a_file_that_did_not_parse_is_PSG002()
    {
        var model = Schema.Build(
            ("/schemas/broken.schema.json", "{ \"definitions\": ", "N"),
            ("/schemas/user.schema.json", """{ "definitions": { "U": { "type": "object", "properties": { "x": { "$ref": "broken.schema.json#/definitions/X" } } } } }""", "N"));

        Assert.Equal(new[] { "PSG001", "PSG002" }, model.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Contains("did not parse", model.Diagnostics[1].Message, System.StringComparison.Ordinal);
        Assert.Equal("/schemas/user.schema.json", model.Diagnostics[1].Location.FilePath);
        Assert.Equal(Refs.Json(nullable: true), model.Object("U").Property("x").Type);
    }

    // ---- PSG002 unresolved $ref --------------------------------------------------------------

    private static (SchemaDiagnostic Diagnostic, ProtocolModel Model, string Text) UnresolvedRef(string reference)
    {
        var text = """
            {
              "definitions": {
                "Holder": {
                  "type": "object",
                  "properties": {
                    "b": { "$ref": "REF" }
                  }
                }
              }
            }
            """.Replace("REF", reference);
        var model = Schema.Build(text);
        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG002", Warning, "#/definitions/Holder/properties/b", "'" + reference + "'");
        Schema.AssertStartsAt(diagnostic, text, "\"$ref\"");
        Assert.Equal((5, 15), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));

        // The value falls back to JsonElement; the record is still generated.
        Assert.Equal(Refs.Json(nullable: true), model.Object("Holder").Property("b").Type);
        return (diagnostic, model, text);
    }

    [Fact]
    public void PSG002_unresolved_local_ref()
    {
        var (diagnostic, _, _) = UnresolvedRef("#/definitions/Missing");
        Assert.Contains("'test.schema.json' has nothing at '#/definitions/Missing'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void PSG002_missing_file()
    {
        var (diagnostic, _, _) = UnresolvedRef("other.schema.json#/definitions/Thing");
        Assert.Contains("no schema file named 'other.schema.json'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void PSG002_remote_http_ref()
    {
        var (diagnostic, _, _) = UnresolvedRef("http://example.com/schemas/thing.json#/definitions/Thing");
        Assert.Contains("remote references are not fetched", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void PSG002_anchor_style_fragment()
    {
        var (diagnostic, _, _) = UnresolvedRef("#thing");
        Assert.Contains("anchors", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void PSG002_ref_cycle_through_plain_refs_is_reported_not_a_stack_overflow()
    {
        const string text = """
            {
              "definitions": {
                "A": { "$ref": "#/definitions/B" },
                "B": { "$ref": "#/definitions/A" },
                "Self": { "$ref": "#/definitions/Self" },
                "User": {
                  "type": "object",
                  "properties": { "a": { "$ref": "#/definitions/A" }, "s": { "$ref": "#/definitions/Self" } },
                  "required": ["a", "s"]
                }
              }
            }
            """;
        var model = Schema.Build(text);

        Assert.Equal(new[] { "User" }, model.TypeNames());
        Assert.NotEmpty(model.Diagnostics);
        Assert.All(model.Diagnostics, d =>
        {
            Assert.Equal("PSG002", d.Id);
            Assert.Equal(Warning, d.Severity);
            Assert.Contains("refers back to itself", d.Message, System.StringComparison.Ordinal);
            Assert.Contains("Fix:", d.Message, System.StringComparison.Ordinal);
        });
        Assert.Contains(model.Diagnostics, d => d.JsonPointer == "#/definitions/Self");
        Assert.Contains(model.Diagnostics, d => d.JsonPointer is "#/definitions/A" or "#/definitions/B");
        Assert.Equal(TypeKind.Json, model.Object("User").Property("a").Type.Kind);
        Assert.Equal(TypeKind.Json, model.Object("User").Property("s").Type.Kind);

        var self = model.Diagnostics.First(d => d.JsonPointer == "#/definitions/Self");
        Schema.AssertStartsAt(self, text, "\"$ref\"", occurrence: 2);
    }

    [Fact]
    public void PSG002_unresolved_union_variant()
    {
        const string text = """
            {
              "definitions": {
                "U": { "oneOf": [{ "$ref": "#/definitions/A" }, { "$ref": "#/definitions/Nope" }] },
                "A": { "type": "object", "properties": { "type": { "const": "a" } } }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = model.Single("PSG002");
        Schema.AssertDiagnostic(diagnostic, "PSG002", Warning, "#/definitions/U/oneOf/1", "'#/definitions/Nope'");
        Schema.AssertStartsAt(diagnostic, text, "\"$ref\"", occurrence: 1);
        Assert.Single(model.Diagnostics);
        Assert.Equal(new[] { "A" }, model.TypeNames());
        Assert.Null(model.Object("A").Variant);
    }

    // ---- PSG003 unsupported shape ------------------------------------------------------------

    private static (SchemaDiagnostic Diagnostic, PropertyModel Property) Unsupported(string propertySchema, string needle, int occurrence = 0, TypeKind kind = TypeKind.Json)
    {
        var text = """
            {
              "definitions": {
                "Holder": {
                  "type": "object",
                  "properties": {
                    "p": PROPERTY
                  },
                  "required": ["p"]
                }
              }
            }
            """.Replace("PROPERTY", propertySchema);
        var model = Schema.Build(text);
        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG003", Warning, "#/definitions/Holder/properties/p", "#/definitions/Holder/properties/p", "JsonElement");
        if (needle.StartsWith('"'))
        {
            Schema.AssertStartsAt(diagnostic, text, needle, occurrence);
        }
        else
        {
            Schema.AssertSpans(diagnostic, text, needle, occurrence);
        }

        Assert.Equal(5, diagnostic.Location.StartLine);
        var property = model.Object("Holder").Property("p");
        Assert.Equal(kind, property.Type.Kind);
        return (diagnostic, property);
    }

    [Fact]
    public void PSG003_several_types_with_an_unknown_type_name()
    {
        var (diagnostic, property) = Unsupported("""{ "type": ["string", "date"] }""", "\"type\"", occurrence: 1);
        Assert.Contains("'date'", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.False(property.Type.IsNullable);
    }

    [Theory]
    [InlineData("""{ "const": { "a": 1 } }""")]
    [InlineData("""{ "const": [1, 2] }""")]
    [InlineData("""{ "const": null }""")]
    public void PSG003_object_array_or_null_const(string schema)
    {
        var (diagnostic, property) = Unsupported(schema, "\"const\"");
        Assert.Contains("const", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Null(property.ConstValue);
        Assert.Equal(15, diagnostic.Location.StartColumn);
    }

    [Fact]
    public void PSG003_false_schema()
    {
        var (diagnostic, _) = Unsupported("false", "false");
        Assert.Contains("object or true", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Equal(13, diagnostic.Location.StartColumn);
    }

    [Fact]
    public void PSG003_unknown_type_name()
    {
        var (diagnostic, _) = Unsupported("""{ "type": "decimal" }""", "\"type\"", occurrence: 1);
        Assert.Contains("'decimal'", diagnostic.Message, System.StringComparison.Ordinal);
    }

    // ---- PSG004 union without discriminator --------------------------------------------------

    [Fact]
    public void PSG004_union_without_discriminator()
    {
        const string text = """
            {
              "definitions": {
                "Payload": {
                  "oneOf": [
                    { "type": "object", "properties": { "a": { "type": "string" } } },
                    { "type": "object", "properties": { "b": { "type": "string" } } }
                  ]
                },
                "Holder": { "type": "object", "properties": { "payload": { "$ref": "#/definitions/Payload" } }, "required": ["payload"] }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG004", Warning, "#/definitions/Payload", "'Payload'", "variants 0 (#/definitions/Payload/oneOf/0) and 1 (#/definitions/Payload/oneOf/1) have the same required properties", "JsonElement");
        Schema.AssertStartsAt(diagnostic, text, "\"oneOf\"");
        Assert.Equal((3, 6), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(Refs.Json(), model.Object("Holder").Property("payload").Type);
        Assert.Equal(new[] { "Holder" }, model.TypeNames());
    }

    [Fact]
    public void PSG004_union_with_duplicate_discriminator_values()
    {
        const string text = """
            {
              "definitions": {
                "Frame": {
                  "anyOf": [
                    { "$ref": "#/definitions/Open" },
                    { "$ref": "#/definitions/Close" }
                  ]
                },
                "Open": { "type": "object", "properties": { "type": { "const": "frame" }, "a": { "type": "string" } } },
                "Close": { "type": "object", "properties": { "type": { "const": "frame" }, "b": { "type": "string" } } }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG004", Warning, "#/definitions/Frame", "'Frame'", "variants 0 (Open) and 1 (Close) have the same required properties");
        Schema.AssertStartsAt(diagnostic, text, "\"anyOf\"");
        Assert.Equal((3, 6), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));

        // The variants are still records, just not variants.
        Assert.Equal(new[] { "Close", "Open" }, model.TypeNames());
        Assert.Null(model.Object("Open").Variant);
    }

    // ---- PSG005 enum of non-strings ----------------------------------------------------------

    [Fact]
    public void PSG005_enum_mixing_strings_and_numbers()
    {
        const string text = """
            {
              "definitions": {
                "Holder": {
                  "type": "object",
                  "properties": {
                    "level": { "type": "integer", "enum": [1, 2, 3] },
                    "flag": { "enum": [true] },
                    "mixed": { "enum": ["low", 42, null] }
                  },
                  "required": ["level", "flag", "mixed"]
                }
              }
            }
            """;
        var model = Schema.Build(text);

        // Numbers only and booleans only are those primitives, silently; a mix has no C# type but JsonElement.
        var mixed = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(mixed, "PSG005", Warning, "#/definitions/Holder/properties/mixed", "'HolderMixed'", ": 42.");
        Schema.AssertSpans(mixed, text, "42");

        var holder = model.Object("Holder");
        Assert.Equal(Refs.Int64(), holder.Property("level").Type);
        Assert.Equal(Refs.Boolean(), holder.Property("flag").Type);
        Assert.Equal(Refs.Json(nullable: true), holder.Property("mixed").Type);
        Assert.Equal(new[] { "Holder" }, model.TypeNames());
    }

    // ---- PSG006 name collision ---------------------------------------------------------------

    [Fact]
    public void PSG006_two_definitions_with_the_same_CSharp_name()
    {
        const string text = """
            {
              "definitions": {
                "foo_bar": { "type": "object", "properties": { "a": { "type": "string" } } },
                "FooBar": { "type": "object", "properties": { "b": { "type": "string" } } }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG006", Warning, "#/definitions/foo_bar", "'FooBar'", "test.schema.json#/definitions/FooBar", "'FooBar2'");
        Schema.AssertStartsAt(diagnostic, text, "{ \"type\": \"object\", \"properties\": { \"a\"");
        Assert.Equal((2, 15), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(1, diagnostic.Location.Length);

        Assert.Equal("b", Assert.Single(model.Object("FooBar").Properties).WireName);
        Assert.Equal("a", Assert.Single(model.Object("FooBar2").Properties).WireName);
    }

    [Fact]
    public void PSG006_same_name_in_two_files_of_one_namespace()
    {
        var model = Schema.Build(
            ("/s/a.schema.json", """{ "definitions": { "Item": { "type": "object", "properties": { "a": { "type": "string" } } } } }""", "N"),
            ("/s/b.schema.json", """{ "definitions": { "Item": { "type": "object", "properties": { "b": { "type": "string" } } } } }""", "N"));

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG006", Warning, "#/definitions/Item", "'Item'", "a.schema.json#/definitions/Item", "'Item2'");
        Assert.Equal("/s/b.schema.json", diagnostic.Location.FilePath);
        Assert.Equal(new[] { "Item" }, model.Files[0].Types.Select(t => t.Name).ToArray());
        Assert.Equal(new[] { "Item2" }, model.Files[1].Types.Select(t => t.Name).ToArray());
    }

    // ---- PSG007 variant of two unions --------------------------------------------------------

    [Fact]
    public void A_definition_used_as_variant_by_two_unions_belongs_to_both_and_the_second_union_is_an_interface()
    {
        const string text = """
            {
              "definitions": {
                "AUnion": { "oneOf": [{ "$ref": "#/definitions/Shared" }, { "$ref": "#/definitions/OnlyA" }] },
                "BUnion": { "oneOf": [{ "$ref": "#/definitions/Shared" }, { "$ref": "#/definitions/OnlyB" }] },
                "Shared": { "type": "object", "properties": { "type": { "const": "shared" } } },
                "OnlyA": { "type": "object", "properties": { "type": { "const": "a" } } },
                "OnlyB": { "type": "object", "properties": { "type": { "const": "b" } } }
              }
            }
            """;
        var model = Schema.BuildClean(text);

        var shared = Assert.IsType<ObjectTypeModel>(Assert.Single(model.AllTypes(), t => t.Name == "Shared"));
        Assert.Equal(Refs.Union("AUnion"), shared.Variant!.Union);
        Assert.Equal(Refs.Union("BUnion"), Assert.Single(shared.Interfaces).Union);
        Assert.False(model.Union("AUnion").IsInterface);
        Assert.True(model.Union("BUnion").IsInterface);
        Assert.Equal(new[] { "shared", "a" }, model.Union("AUnion").Variants.Select(v => v.DiscriminatorValue).ToArray());
        Assert.Equal(new[] { "shared", "b" }, model.Union("BUnion").Variants.Select(v => v.DiscriminatorValue).ToArray());
        Assert.Null(model.Object("OnlyB").Variant);
        Assert.Equal("b", Assert.Single(model.Object("OnlyB").Interfaces).DiscriminatorValue);
    }

    // ---- PSG008 malformed keywords -----------------------------------------------------------

    [Fact]
    public void PSG008_definitions_not_an_object()
    {
        const string text = """
            {
              "definitions": [],
              "$defs": { "Ok": { "type": "object", "properties": { "a": { "type": "string" } } } }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG008", Warning, "#/definitions", "'definitions'", "an object of named schemas");
        Schema.AssertSpans(diagnostic, text, "\"definitions\""); // the keyword, like every PSG008
        Assert.Equal((1, 2), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(new[] { "Ok" }, model.TypeNames());
    }

    [Fact]
    public void PSG008_required_not_an_array()
    {
        const string text = """
            {
              "definitions": {
                "A": {
                  "type": "object",
                  "properties": { "x": { "type": "string" } },
                  "required": "x"
                }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG008", Warning, "#/definitions/A", "'required'", "an array of property names");
        Schema.AssertStartsAt(diagnostic, text, "\"required\"");
        Assert.Equal((5, 6), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));

        // Ignored: the property stays optional.
        Assert.Equal(Refs.String(nullable: true), model.Object("A").Property("x").Type);
        Assert.False(model.Object("A").Property("x").IsRequired);
    }

    [Fact]
    public void PSG008_properties_not_an_object()
    {
        const string text = """
            {
              "definitions": {
                "A": {
                  "type": "object",
                  "properties": 3
                }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG008", Warning, "#/definitions/A", "'properties'", "an object of property schemas");
        Schema.AssertStartsAt(diagnostic, text, "\"properties\"");
        Assert.Equal((4, 6), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    [Fact]
    public void PSG008_properties_not_an_object_in_an_allOf_part()
    {
        const string text = """
            {
              "definitions": {
                "A": { "allOf": [{ "type": "object", "properties": { "x": { "type": "string" } } }, { "properties": 3 }] }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG008", Warning, "#/definitions/A/allOf/1", "'properties'");
        Schema.AssertStartsAt(diagnostic, text, "\"properties\"", occurrence: 1);
        Assert.Equal("x", Assert.Single(model.Object("A").Properties).WireName);
    }

    [Theory]
    [InlineData("""{ "type": 3 }""", "type", "a string or an array of strings")]
    [InlineData("""{ "allOf": { "type": "object" } }""", "allOf", "an array of schemas")]
    [InlineData("""{ "oneOf": { "type": "object" } }""", "oneOf", "an array of schemas")]
    [InlineData("""{ "anyOf": "x" }""", "anyOf", "an array of schemas")]
    [InlineData("""{ "enum": "x" }""", "enum", "an array of values")]
    public void PSG008_other_keywords_of_the_wrong_json_type(string propertySchema, string keyword, string expected)
    {
        var text = """
            {
              "definitions": {
                "Holder": { "type": "object", "properties": { "p": PROPERTY } }
              }
            }
            """.Replace("PROPERTY", propertySchema);
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG008", Warning, "#/definitions/Holder/properties/p", "'" + keyword + "'", expected);
        Schema.AssertStartsAt(diagnostic, text, "\"" + keyword + "\"", occurrence: keyword == "type" ? 1 : 0);
        Assert.Equal(2, diagnostic.Location.StartLine);
        Assert.Single(model.Object("Holder").Properties);
    }

    [Fact]
    public void PSG008_root_not_an_object()
    {
        const string text = "[1, 2]";
        var model = Schema.Build(text);

        var diagnostic = Assert.Single(model.Diagnostics);
        Schema.AssertDiagnostic(diagnostic, "PSG008", Warning, "#", "(root)", "a JSON object");
        Schema.AssertSpans(diagnostic, text, "[1, 2]");
        Assert.Empty(model.Files);
    }

    [Fact]
    public void Keyword_location_spans_the_keyword_name_token_only()
    {
        // The squiggle covers "$ref" (its quotes included), not the colon or the blanks before it.
        const string text = """
            {
              "definitions": {
                "A": { "type": "object", "properties": { "b": { "$ref" : "#/definitions/Missing" } } }
              }
            }
            """;
        var model = Schema.Build(text);

        var diagnostic = model.Single("PSG002");
        Schema.AssertSpans(diagnostic, text, "\"$ref\"");
        Assert.Equal((2, 52, 2, 58), (diagnostic.Location.StartLine, diagnostic.Location.StartColumn, diagnostic.Location.EndLine, diagnostic.Location.EndColumn));
    }

    // ---- general -----------------------------------------------------------------------------

    [Fact]
    public void Diagnostics_are_sorted_by_file_then_position()
    {
        var model = Schema.Build(
            ("/s/b.schema.json", """{ "definitions": { "B": { "type": "object", "properties": { "x": { "$ref": "#/nope" }, "y": { "const": [1] } } } } }""", "N"),
            ("/s/a.schema.json", """{ "definitions": { "A": { "type": "object", "properties": { "y": { "const": [1] }, "x": { "$ref": "#/nope" } } } } }""", "N"));

        Assert.Equal(
            new[] { ("/s/a.schema.json", "PSG003"), ("/s/a.schema.json", "PSG002"), ("/s/b.schema.json", "PSG002"), ("/s/b.schema.json", "PSG003") },
            model.Diagnostics.Select(d => (d.Location.FilePath, d.Id)).ToArray());
    }

    [Fact]
    public void Every_descriptor_message_ends_with_a_fix()
    {
        Assert.Equal(
            new[] { "PSG001", "PSG002", "PSG003", "PSG004", "PSG005", "PSG006", "PSG007", "PSG008", "PSG010", "PSG011", "PSG999" },
            SchemaDiagnostics.All.Select(d => d.Id).ToArray());
        Assert.All(SchemaDiagnostics.All, d => Assert.Contains("Fix:", d.MessageFormat, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_fallback_is_never_an_error_only_input_that_yields_nothing_is()
    {
        // PSG001: the file gives no types; PSG010: the project cannot compile what we would emit; PSG999: our own failure.
        Assert.Equal(
            new[] { "PSG001", "PSG010", "PSG999" },
            SchemaDiagnostics.All.Where(d => d.Severity == Error).Select(d => d.Id).ToArray());
    }

    [Fact]
    public void Diagnostic_and_location_to_string()
    {
        var location = new SchemaLocation("/x.schema.json", 5, 2, 0, 5, 0, 7);
        Assert.Equal("/x.schema.json(1,6)", location.ToString());
        var diagnostic = new SchemaDiagnostic("PSG003", Warning, "msg", location, "#/a");
        Assert.Equal("/x.schema.json(1,6): warning PSG003: msg [#/a]", diagnostic.ToString());
    }
}
