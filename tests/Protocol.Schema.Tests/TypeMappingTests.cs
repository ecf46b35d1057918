using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Primitive types and formats, nullability, arrays, maps and untyped values.</summary>
public class TypeMappingTests
{
    /// <summary>The type of property <c>p</c> (required) of a one-property object.</summary>
    private static TypeRef TypeOf(string propertySchema, bool required = true)
    {
        var text = """
            {
              "definitions": {
                "Holder": {
                  "type": "object",
                  "properties": { "p": PROPERTY },
                  "required": REQUIRED
                }
              }
            }
            """.Replace("PROPERTY", propertySchema).Replace("REQUIRED", required ? "[\"p\"]" : "[]");
        var model = Schema.BuildClean(text);
        return model.Object("Holder").Property("p").Type;
    }

    [Theory]
    [InlineData("""{ "type": "string" }""", TypeKind.String, "string")]
    [InlineData("""{ "type": "string", "format": "date-time" }""", TypeKind.DateTimeOffset, "global::System.DateTimeOffset")]
    [InlineData("""{ "type": "string", "format": "uuid" }""", TypeKind.Guid, "global::System.Guid")]
    [InlineData("""{ "type": "string", "format": "uri" }""", TypeKind.Uri, "global::System.Uri")]
    [InlineData("""{ "type": "string", "format": "uri-reference" }""", TypeKind.Uri, "global::System.Uri")]
    [InlineData("""{ "type": "string", "format": "email" }""", TypeKind.String, "string")]
    [InlineData("""{ "type": "integer" }""", TypeKind.Int64, "long")]
    [InlineData("""{ "type": "integer", "format": "int64" }""", TypeKind.Int64, "long")]
    [InlineData("""{ "type": "integer", "format": "int32" }""", TypeKind.Int32, "int")]
    [InlineData("""{ "type": "number" }""", TypeKind.Double, "double")]
    [InlineData("""{ "type": "number", "format": "double" }""", TypeKind.Double, "double")]
    [InlineData("""{ "type": "boolean" }""", TypeKind.Boolean, "bool")]
    public void Primitive_types_and_formats(string schema, TypeKind kind, string typeName)
    {
        Assert.Equal(new ScalarTypeRef(kind, typeName, false), TypeOf(schema));
        Assert.Equal(new ScalarTypeRef(kind, typeName, true), TypeOf(schema, required: false));
    }

    [Theory]
    [InlineData("""{ "type": "string" }""", false)]
    [InlineData("""{ "type": ["string", "null"] }""", true)]
    [InlineData("""{ "type": ["null", "string"] }""", true)]
    [InlineData("""{ "anyOf": [{ "type": "string" }, { "type": "null" }] }""", true)]
    [InlineData("""{ "oneOf": [{ "type": "null" }, { "type": "string" }] }""", true)]
    [InlineData("""{ "anyOf": [{ "type": "string" }] }""", false)]
    public void Nullability_of_a_required_string(string schema, bool nullable)
    {
        Assert.Equal(Refs.String(nullable), TypeOf(schema));
    }

    [Fact]
    public void Required_but_nullable_property_is_required_and_nullable()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Thing": { "type": "object", "properties": { "x": { "type": "string" } } },
                "Holder": {
                  "type": "object",
                  "properties": {
                    "count": { "type": ["integer", "null"], "format": "int32" },
                    "when": { "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "null" }] },
                    "thing": { "oneOf": [{ "$ref": "#/definitions/Thing" }, { "type": "null" }] },
                    "inline": {
                      "type": ["object", "null"],
                      "properties": { "y": { "type": "string" } }
                    }
                  },
                  "required": ["count", "when", "thing", "inline"]
                }
              }
            }
            """);

        var holder = model.Object("Holder");
        Assert.Equal(new PropertyModel("Count", "count", Refs.Int32(nullable: true), true, null, null), holder.Property("count"));
        Assert.Equal(new PropertyModel("When", "when", Refs.DateTimeOffset(nullable: true), true, null, null), holder.Property("when"));
        Assert.Equal(new PropertyModel("Thing", "thing", Refs.Object("Thing", nullable: true), true, null, null), holder.Property("thing"));
        Assert.Equal(new PropertyModel("Inline", "inline", Refs.Object("HolderInline", nullable: true), true, null, null), holder.Property("inline"));
        Assert.Equal("int?", holder.Property("count").Type.Declaration);
        Assert.Equal(new[] { "Holder", "HolderInline", "Thing" }, model.TypeNames());
    }

    [Fact]
    public void Nullable_inline_object_in_anyOf_is_named_after_the_property()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Holder": {
                  "type": "object",
                  "properties": {
                    "extra": { "anyOf": [{ "type": "object", "properties": { "z": { "type": "string" } } }, { "type": "null" }] }
                  }
                }
              }
            }
            """);

        Assert.Equal(Refs.Object("HolderExtra", nullable: true), model.Object("Holder").Property("extra").Type);
        Assert.Equal(new[] { "Holder", "HolderExtra" }, model.TypeNames());
    }

    [Fact]
    public void Nullable_definition_written_as_anyOf_with_null_keeps_the_definition_name()
    {
        // The definition's own name is reserved for it; the object inside anyOf is that definition's type.
        var model = Schema.Build("""
            {
              "definitions": {
                "Pet": {
                  "anyOf": [
                    { "type": "object", "properties": { "name": { "type": "string" } } },
                    { "type": "null" }
                  ]
                },
                "Owner": { "type": "object", "properties": { "pet": { "$ref": "#/definitions/Pet" } }, "required": ["pet"] }
              }
            }
            """);

        Assert.Empty(model.Diagnostics);
        Assert.Equal(new[] { "Owner", "Pet" }, model.TypeNames());
        Assert.Equal(Refs.Object("Pet", nullable: true), model.Object("Owner").Property("pet").Type);
    }

    [Fact]
    public void Arrays_and_arrays_of_arrays()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Grid": {
                  "type": "object",
                  "properties": {
                    "tags": { "type": "array", "items": { "type": "string" } },
                    "rows": { "type": "array", "items": { "type": "array", "items": { "type": "integer", "format": "int32" } } },
                    "maybe": { "type": "array", "items": { "type": ["string", "null"] } },
                    "anything": { "type": "array" },
                    "implicit": { "items": { "type": "boolean" } },
                    "entries": { "type": "array", "items": { "type": "object", "properties": { "k": { "type": "string" } } } }
                  },
                  "required": ["tags", "rows", "maybe", "anything", "implicit", "entries"]
                }
              }
            }
            """);

        var grid = model.Object("Grid");
        Assert.Equal(Refs.List(Refs.String()), grid.Property("tags").Type);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<string>", grid.Property("tags").Type.TypeName);

        var rows = grid.Property("rows").Type;
        Assert.Equal(Refs.List(Refs.List(Refs.Int32())), rows);
        Assert.Equal(TypeKind.Array, rows.Kind);
        var inner = Assert.IsType<ArrayTypeRef>(Assert.IsType<ArrayTypeRef>(rows).Element);
        Assert.Equal(TypeKind.Int32, inner.Element.Kind);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<int>>", rows.TypeName);

        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<string?>", grid.Property("maybe").Type.TypeName);
        Assert.Equal(Refs.List(Refs.Json()), grid.Property("anything").Type);
        Assert.Equal(Refs.List(Refs.Boolean()), grid.Property("implicit").Type);
        Assert.Equal(Refs.List(Refs.Object("GridEntriesItem")), grid.Property("entries").Type);
        Assert.Equal(new[] { "Grid", "GridEntriesItem" }, model.TypeNames());
    }

    [Fact]
    public void AdditionalProperties_is_a_map()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Value": { "type": "object", "properties": { "v": { "type": "string" } } },
                "Bag": {
                  "type": "object",
                  "properties": {
                    "by_ref": { "type": "object", "additionalProperties": { "$ref": "#/definitions/Value" } },
                    "by_empty": { "type": "object", "additionalProperties": {} },
                    "by_true": { "type": "object", "additionalProperties": true },
                    "counts": { "additionalProperties": { "type": "integer" } },
                    "bare": { "type": "object" },
                    "nested": { "type": "object", "additionalProperties": { "type": "object", "properties": { "n": { "type": "number" } } } }
                  },
                  "required": ["by_ref", "by_empty", "by_true", "counts", "bare", "nested"]
                }
              }
            }
            """);

        var bag = model.Object("Bag");
        Assert.Equal(Refs.Map(Refs.Object("Value")), bag.Property("by_ref").Type);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyDictionary<string, global::Test.Ns.Value>", bag.Property("by_ref").Type.TypeName);
        Assert.Equal(Refs.Map(Refs.Json()), bag.Property("by_empty").Type);
        Assert.Equal(Refs.Map(Refs.Json()), bag.Property("by_true").Type);
        Assert.Equal(Refs.Map(Refs.Int64()), bag.Property("counts").Type);
        Assert.Equal(Refs.Map(Refs.Json()), bag.Property("bare").Type);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>", bag.Property("bare").Type.TypeName);
        Assert.Equal(Refs.Map(Refs.Object("BagNestedValue")), bag.Property("nested").Type);
        Assert.Equal(new[] { "Bag", "BagNestedValue", "Value" }, model.TypeNames());
    }

    [Fact]
    public void Object_definition_without_properties_is_a_map_and_no_type()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Metadata": { "type": "object" },
                "Doc": { "type": "object", "properties": { "meta": { "$ref": "#/definitions/Metadata" } }, "required": ["meta"] }
              }
            }
            """);

        Assert.Equal(new[] { "Doc" }, model.TypeNames());
        Assert.Equal(Refs.Map(Refs.Json()), model.Object("Doc").Property("meta").Type);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("true")]
    [InlineData("""{ "description": "Anything at all." }""")]
    public void Untyped_schema_is_a_JsonElement(string schema)
    {
        var type = TypeOf(schema);
        Assert.Equal(Refs.Json(), type);
        Assert.True(type.IsValueType);
        Assert.Equal("global::System.Text.Json.JsonElement?", TypeOf(schema, required: false).Declaration);
    }

    [Fact]
    public void Primitive_definitions_are_inlined_and_produce_no_type()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Id": { "type": "string", "format": "uuid" },
                "Ids": { "type": "array", "items": { "$ref": "#/definitions/Id" } },
                "Ref": { "type": "object", "properties": { "id": { "$ref": "#/definitions/Id" }, "all": { "$ref": "#/definitions/Ids" } }, "required": ["id"] }
              }
            }
            """);

        Assert.Equal(new[] { "Ref" }, model.TypeNames());
        Assert.Equal(Refs.Guid(), model.Object("Ref").Property("id").Type);
        Assert.Equal(Refs.List(Refs.Guid(), nullable: true), model.Object("Ref").Property("all").Type);
    }

    [Fact]
    public void TypeRef_value_type_and_declaration()
    {
        Assert.True(Refs.Int32().IsValueType);
        Assert.True(Refs.Enum("E").IsValueType);
        Assert.False(Refs.String().IsValueType);
        Assert.False(Refs.Object("O").IsValueType);
        Assert.False(Refs.List(Refs.Int32()).IsValueType);
        Assert.Equal("global::Test.Ns.O?", Refs.Object("O", nullable: true).Declaration);
        var s = Refs.String();
        Assert.Same(s, s.WithNullable(false));
        Assert.Equal(Refs.String(nullable: true), s.WithNullable(true));
    }
}
