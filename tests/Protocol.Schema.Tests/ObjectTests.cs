using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Object schemas to records: properties, requiredness, nested objects, definitions, allOf.</summary>
public class ObjectTests
{
    [Fact]
    public void Object_with_properties_maps_required_to_non_nullable_and_optional_to_nullable()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Person": {
                  "description": "A person.",
                  "type": "object",
                  "properties": {
                    "name": { "description": "The name.", "type": "string" },
                    "age": { "type": "integer" },
                    "nickname": { "type": "string" }
                  },
                  "required": ["name", "age"]
                }
              }
            }
            """);

        var file = Assert.Single(model.Files);
        Assert.Equal("Test.Ns.Person.g.cs", Assert.Single(model.TypeFiles).HintName);
        Assert.Equal("test.schema.json", file.SchemaFileName);
        Assert.Equal("Test.Ns", file.Namespace);
        Assert.Equal("Test.Ns.Serialization", file.SerializationNamespace);

        var person = Assert.IsType<ObjectTypeModel>(Assert.Single(file.Types));
        Assert.Equal("Person", person.Name);
        Assert.Equal("A person.", person.Description);
        Assert.Equal("PersonJsonConverter", person.ConverterName);
        Assert.Null(person.Variant);
        Assert.Equal(
            new[]
            {
                new PropertyModel("Name", "name", Refs.String(), true, "The name.", null),
                new PropertyModel("Age", "age", Refs.Int64(), true, null, null),
                new PropertyModel("Nickname", "nickname", Refs.String(nullable: true), false, null, null),
            },
            person.Properties.ToArray());
        Assert.Equal("string?", person.Property("nickname").Type.Declaration);
        Assert.Equal("string", person.Property("name").Type.Declaration);
    }

    [Fact]
    public void Title_is_the_description_when_there_is_none()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Thing": {
                  "title": "A thing",
                  "type": "object",
                  "properties": { "id": { "title": "Its id", "type": "string" } }
                }
              }
            }
            """);

        var thing = model.Object("Thing");
        Assert.Equal("A thing", thing.Description);
        Assert.Equal("Its id", thing.Property("id").Description);
    }

    [Fact]
    public void Inline_nested_object_becomes_its_own_record_named_parent_plus_property()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Order": {
                  "type": "object",
                  "properties": {
                    "shipping_address": {
                      "description": "Where it goes.",
                      "type": "object",
                      "properties": {
                        "street": { "type": "string" },
                        "geo_point": {
                          "type": "object",
                          "properties": { "lat": { "type": "number" } },
                          "required": ["lat"]
                        }
                      },
                      "required": ["street"]
                    }
                  },
                  "required": ["shipping_address"]
                }
              }
            }
            """);

        Assert.Equal(new[] { "Order", "OrderShippingAddress", "OrderShippingAddressGeoPoint" }, model.TypeNames());
        var order = model.Object("Order");
        Assert.Equal(new PropertyModel("ShippingAddress", "shipping_address", Refs.Object("OrderShippingAddress"), true, "Where it goes.", null), Assert.Single(order.Properties));

        var address = model.Object("OrderShippingAddress");
        Assert.Equal("Where it goes.", address.Description);
        Assert.Equal(Refs.String(), address.Property("street").Type);
        Assert.Equal(Refs.Object("OrderShippingAddressGeoPoint", nullable: true), address.Property("geo_point").Type);
        Assert.False(address.Property("geo_point").IsRequired);
        Assert.Equal(new PropertyModel("Lat", "lat", Refs.Double(), true, null, null), Assert.Single(model.Object("OrderShippingAddressGeoPoint").Properties));
    }

    [Fact]
    public void Definitions_and_defs_both_define_types()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "FromDefinitions": { "type": "object", "properties": { "a": { "$ref": "#/$defs/FromDefs" } } }
              },
              "$defs": {
                "FromDefs": { "type": "object", "properties": { "b": { "$ref": "#/definitions/FromDefinitions" } } }
              }
            }
            """);

        Assert.Equal(new[] { "FromDefinitions", "FromDefs" }, model.TypeNames());
        Assert.Equal(Refs.Object("FromDefs", nullable: true), model.Object("FromDefinitions").Property("a").Type);
        Assert.Equal(Refs.Object("FromDefinitions", nullable: true), model.Object("FromDefs").Property("b").Type);
    }

    [Fact]
    public void Root_object_is_a_type_named_from_its_title_or_else_the_file_stem()
    {
        var untitled = Schema.BuildClean("""
            { "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] }
            """);
        var root = Assert.IsType<ObjectTypeModel>(Assert.Single(Assert.Single(untitled.Files).Types));
        Assert.Equal("Test", root.Name);

        var titled = Schema.BuildClean("""
            { "title": "user profile", "type": "object", "properties": { "id": { "type": "string" } } }
            """);
        var profile = titled.Object("UserProfile");
        Assert.Equal("user profile", profile.Description);
    }

    [Fact]
    public void A_root_that_only_points_at_a_definition_is_not_a_type()
    {
        var model = Schema.BuildClean("""
            {
              "title": "Some protocol",
              "$ref": "#/definitions/Message",
              "definitions": {
                "Message": { "type": "object", "properties": { "text": { "type": "string" } } }
              }
            }
            """);

        Assert.Equal(new[] { "Message" }, model.TypeNames());
    }

    [Fact]
    public void Local_ref_points_at_the_definitions_record()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Address": { "description": "An address.", "type": "object", "properties": { "city": { "type": "string" } } },
                "Customer": {
                  "type": "object",
                  "properties": {
                    "home": { "description": "Home address.", "$ref": "#/definitions/Address" },
                    "work": { "$ref": "#/definitions/Address" }
                  },
                  "required": ["home"]
                }
              }
            }
            """);

        Assert.Equal(new[] { "Address", "Customer" }, model.TypeNames());
        var customer = model.Object("Customer");
        Assert.Equal(new PropertyModel("Home", "home", Refs.Object("Address"), true, "Home address.", null), customer.Property("home"));
        Assert.Equal(new PropertyModel("Work", "work", Refs.Object("Address", nullable: true), false, null, null), customer.Property("work"));
        Assert.Equal("global::Test.Ns.Address?", customer.Property("work").Type.Declaration);
        Assert.Equal("global::Test.Ns.Serialization.AddressJsonConverter", Assert.IsType<GeneratedTypeRef>(customer.Property("work").Type).ConverterName);
    }

    [Fact]
    public void Ref_with_escaped_pointer_tokens_resolves()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "a/b": { "type": "object", "properties": { "x": { "type": "string" } } },
                "c d": { "type": "object", "properties": { "y": { "type": "string" } } },
                "User": {
                  "type": "object",
                  "properties": {
                    "slash": { "$ref": "#/definitions/a~1b" },
                    "space": { "$ref": "#/definitions/c%20d" }
                  }
                }
              }
            }
            """);

        var user = model.Object("User");
        Assert.Equal(Refs.Object("AB", nullable: true), user.Property("slash").Type);
        Assert.Equal(Refs.Object("CD", nullable: true), user.Property("space").Type);
    }

    [Fact]
    public void Ref_to_another_file_uses_that_files_namespace_and_each_file_gets_its_own_model()
    {
        var model = Schema.Build(
            ("/schemas/b-common.schema.json", """
                {
                  "definitions": {
                    "Money": {
                      "type": "object",
                      "properties": { "amount": { "type": "number" }, "currency": { "type": "string" } },
                      "required": ["amount", "currency"]
                    }
                  }
                }
                """, "Common.Ns"),
            ("/schemas/a-orders.schema.json", """
                {
                  "definitions": {
                    "Order": {
                      "type": "object",
                      "properties": {
                        "total": { "$ref": "b-common.schema.json#/definitions/Money" },
                        "tax": { "$ref": "./b-common.schema.json#/definitions/Money" }
                      },
                      "required": ["total"]
                    }
                  }
                }
                """, "Orders.Ns"));

        Assert.Empty(model.Diagnostics);
        Assert.Equal(new[] { "Common.Ns.Money.g.cs", "Orders.Ns.Order.g.cs" }, model.TypeFiles.Select(f => f.HintName).ToArray());
        Assert.Equal(new[] { "a-orders.schema.json", "b-common.schema.json" }, model.Files.Select(f => f.SchemaFileName).ToArray());
        Assert.Equal(new[] { "Orders.Ns", "Common.Ns" }, model.Files.Select(f => f.Namespace).ToArray());
        Assert.Equal("Order", Assert.Single(model.Files[0].Types).Name);
        Assert.Equal("Money", Assert.Single(model.Files[1].Types).Name);

        var order = model.Object("Order");
        Assert.Equal(Refs.Object("Money", ns: "Common.Ns"), order.Property("total").Type);
        Assert.Equal("global::Common.Ns.Money", order.Property("total").Type.TypeName);
        Assert.Equal("global::Common.Ns.Serialization.MoneyJsonConverter", Assert.IsType<GeneratedTypeRef>(order.Property("total").Type).ConverterName);
        Assert.Equal(Refs.Object("Money", nullable: true, ns: "Common.Ns"), order.Property("tax").Type);
    }

    [Fact]
    public void Ref_to_another_file_by_its_absolute_id_resolves_without_fetching()
    {
        var model = Schema.Build(
            ("/schemas/common.schema.json", """
                {
                  "$id": "https://example.com/schemas/common.schema.json",
                  "definitions": { "Money": { "type": "object", "properties": { "amount": { "type": "number" } } } }
                }
                """, "Common.Ns"),
            ("/schemas/orders.schema.json", """
                {
                  "definitions": {
                    "Order": {
                      "type": "object",
                      "properties": { "total": { "$ref": "https://example.com/schemas/common.schema.json#/definitions/Money" } }
                    }
                  }
                }
                """, "Orders.Ns"));

        Assert.Empty(model.Diagnostics);
        Assert.Equal(Refs.Object("Money", nullable: true, ns: "Common.Ns"), model.Object("Order").Property("total").Type);
    }

    [Fact]
    public void Same_definition_name_in_two_namespaces_is_no_collision()
    {
        var model = Schema.Build(
            ("/schemas/a.schema.json", """{ "definitions": { "Item": { "type": "object", "properties": { "a": { "type": "string" } } } } }""", "A.Ns"),
            ("/schemas/b.schema.json", """{ "definitions": { "Item": { "type": "object", "properties": { "b": { "type": "string" } } } } }""", "B.Ns"));

        Assert.Empty(model.Diagnostics);
        Assert.Equal(new[] { "Item" }, model.Files[0].Types.Select(t => t.Name).ToArray());
        Assert.Equal(new[] { "Item" }, model.Files[1].Types.Select(t => t.Name).ToArray());
    }

    [Fact]
    public void AllOf_merges_in_order_unions_required_and_a_later_part_overrides()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Base": {
                  "description": "Base description.",
                  "type": "object",
                  "properties": {
                    "id": { "description": "The id.", "type": "string" },
                    "size": { "description": "Base size.", "type": "string" },
                    "note": { "type": "string" }
                  },
                  "required": ["id"]
                },
                "Derived": {
                  "description": "Derived description.",
                  "allOf": [
                    { "$ref": "#/definitions/Base" },
                    {
                      "type": "object",
                      "properties": {
                        "size": { "type": "integer", "format": "int32" },
                        "extra": { "type": "boolean" }
                      },
                      "required": ["size"]
                    }
                  ],
                  "properties": { "note": { "description": "Own note.", "type": "number" } },
                  "required": ["extra"]
                },
                "User": { "type": "object", "properties": { "b": { "$ref": "#/definitions/Base" } } }
              }
            }
            """);

        var derived = model.Object("Derived");
        Assert.Equal("Derived description.", derived.Description);
        Assert.Equal(
            new[]
            {
                new PropertyModel("Id", "id", Refs.String(), true, "The id.", null),
                new PropertyModel("Size", "size", Refs.Int32(), true, "Base size.", null),
                new PropertyModel("Note", "note", Refs.Double(nullable: true), false, "Own note.", null),
                new PropertyModel("Extra", "extra", Refs.Boolean(), true, null, null),
            },
            derived.Properties.ToArray());

        // Base is also used as a value, so it stays a type of its own.
        Assert.Equal(new[] { "Base", "Derived", "User" }, model.TypeNames());
    }

    [Fact]
    public void AllOf_without_own_description_takes_the_first_parts()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Merged": {
                  "allOf": [
                    { "description": "First part.", "type": "object", "properties": { "a": { "type": "string" } } },
                    { "description": "Second part.", "type": "object", "properties": { "b": { "type": "string" } } }
                  ]
                }
              }
            }
            """);

        var merged = model.Object("Merged");
        Assert.Equal("First part.", merged.Description);
        Assert.Equal(new[] { "a", "b" }, merged.Properties.Select(p => p.WireName).ToArray());
    }

    [Fact]
    public void Definition_used_only_inside_allOf_produces_no_type()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Timestamps": {
                  "type": "object",
                  "properties": { "created_at": { "type": "string", "format": "date-time" } },
                  "required": ["created_at"]
                },
                "Post": {
                  "allOf": [
                    { "$ref": "#/definitions/Timestamps" },
                    { "type": "object", "properties": { "title": { "type": "string" } } }
                  ]
                }
              }
            }
            """);

        Assert.Equal(new[] { "Post" }, model.TypeNames());
        Assert.Equal(
            new[]
            {
                new PropertyModel("CreatedAt", "created_at", Refs.DateTimeOffset(), true, null, null),
                new PropertyModel("Title", "title", Refs.String(nullable: true), false, null, null),
            },
            model.Object("Post").Properties.ToArray());
    }

    [Fact]
    public void Const_property_starts_as_its_value_and_is_nullable_only_when_optional()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Hello": {
                  "type": "object",
                  "properties": {
                    "version": { "description": "Protocol version.", "const": "v1" },
                    "typed_version": { "type": "string", "const": "v2" }
                  },
                  "required": ["version"]
                }
              }
            }
            """);

        var hello = model.Object("Hello");
        Assert.Equal(new PropertyModel("Version", "version", Refs.String(), false, "Protocol version.", "v1"), hello.Property("version"));
        // Optional: absent on the wire stays absent (null) when read and written back; built in code, it starts as "v2".
        Assert.Equal(new PropertyModel("TypedVersion", "typed_version", Refs.String(nullable: true), false, null, "v2"), hello.Property("typed_version"));
    }

    [Fact]
    public void Number_and_boolean_const_map_to_their_types()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Fixed": {
                  "type": "object",
                  "properties": {
                    "version": { "const": 2 },
                    "ratio": { "const": 0.5 },
                    "big": { "const": 1e3 },
                    "enabled": { "const": true },
                    "disabled": { "const": false }
                  },
                  "required": ["version", "ratio", "big", "enabled"]
                }
              }
            }
            """);

        var type = model.Object("Fixed");
        Assert.Equal(new PropertyModel("Version", "version", Refs.Int64(), true, null, null), type.Property("version"));
        Assert.Equal(new PropertyModel("Ratio", "ratio", Refs.Double(), true, null, null), type.Property("ratio"));
        Assert.Equal(new PropertyModel("Big", "big", Refs.Double(), true, null, null), type.Property("big"));
        Assert.Equal(new PropertyModel("Enabled", "enabled", Refs.Boolean(), true, null, null), type.Property("enabled"));
        Assert.Equal(new PropertyModel("Disabled", "disabled", Refs.Boolean(nullable: true), false, null, null), type.Property("disabled"));
    }

    [Fact]
    public void One_value_enum_property_is_an_enum_not_a_const()
    {
        // A one-value enum stays an enum (with its unknown member), so a value added later is not a
        // breaking change; only string-typed properties carry a ConstValue (the emitter initialises
        // them with its literal), so the two can never disagree.
        var model = Schema.Build("""
            {
              "definitions": {
                "Status": {
                  "type": "object",
                  "properties": { "state": { "enum": ["ok"] } }
                }
              }
            }
            """);

        var state = model.Object("Status").Property("state");
        Assert.Null(state.ConstValue);
        Assert.Equal(TypeKind.Enum, state.Type.Kind);
        Assert.EndsWith(".StatusState", state.Type.TypeName);
    }

    [Fact]
    public void Recursive_object_through_an_array_of_itself_builds()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "TreeNode": {
                  "type": "object",
                  "properties": {
                    "label": { "type": "string" },
                    "parent": { "$ref": "#/definitions/TreeNode" },
                    "children": { "type": "array", "items": { "$ref": "#/definitions/TreeNode" } }
                  },
                  "required": ["label", "children"]
                },
                "Forest": { "type": "object", "properties": { "trees": { "type": "array", "items": { "$ref": "#/definitions/TreeNode" } } } }
              }
            }
            """);

        Assert.Equal(new[] { "Forest", "TreeNode" }, model.TypeNames());
        var node = model.Object("TreeNode");
        Assert.Equal(Refs.Object("TreeNode", nullable: true), node.Property("parent").Type);
        Assert.Equal(Refs.List(Refs.Object("TreeNode")), node.Property("children").Type);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<global::Test.Ns.TreeNode>", node.Property("children").Type.TypeName);
        Assert.Equal(Refs.List(Refs.Object("TreeNode"), nullable: true), model.Object("Forest").Property("trees").Type);
    }

    [Fact]
    public void Mutually_recursive_objects_build()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Author": { "type": "object", "properties": { "books": { "type": "array", "items": { "$ref": "#/definitions/Book" } } } },
                "Book": { "type": "object", "properties": { "author": { "$ref": "#/definitions/Author" } } }
              }
            }
            """);

        Assert.Equal(Refs.List(Refs.Object("Book"), nullable: true), model.Object("Author").Property("books").Type);
        Assert.Equal(Refs.Object("Author", nullable: true), model.Object("Book").Property("author").Type);
    }

    [Fact]
    public void Closed_object_with_pattern_properties_keeps_the_matching_members_as_extension_data()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Info": { "type": "object", "properties": { "title": { "type": "string" } }, "patternProperties": { "^x-": {} }, "additionalProperties": false },
                "Closed": { "type": "object", "properties": { "title": { "type": "string" } }, "additionalProperties": false }
              }
            }
            """);

        Assert.Equal("AdditionalProperties", model.Object("Info").ExtensionDataName);
        Assert.Null(model.Object("Closed").ExtensionDataName);
    }
}
