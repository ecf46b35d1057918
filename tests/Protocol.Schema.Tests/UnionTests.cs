using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Discriminated unions: oneOf/anyOf of objects told apart by a string const.</summary>
public class UnionTests
{
    // Our style (schema/session-events.schema.json): oneOf of $refs, each variant allOf [envelope, {type const, data}].
    private const string EnvelopeStyle = """
        {
          "$ref": "#/definitions/SessionEvent",
          "definitions": {
            "EventEnvelope": {
              "description": "Properties every event carries.",
              "type": "object",
              "properties": {
                "type": { "description": "Event type.", "type": "string" },
                "session_id": { "description": "The session.", "type": "string" },
                "seq": { "type": "integer", "format": "int64" }
              },
              "required": ["type", "session_id"]
            },
            "SessionEvent": {
              "description": "Any event.",
              "oneOf": [
                { "$ref": "#/definitions/MessageDeltaEvent" },
                { "$ref": "#/definitions/PongEvent" }
              ]
            },
            "MessageDeltaEvent": {
              "description": "A chunk.",
              "allOf": [
                { "$ref": "#/definitions/EventEnvelope" },
                {
                  "type": "object",
                  "required": ["type", "data"],
                  "properties": {
                    "type": { "description": "Always `message_delta`.", "const": "message_delta" },
                    "data": {
                      "description": "Payload of `message_delta`.",
                      "type": "object",
                      "properties": { "delta": { "description": "Text to append.", "type": "string" } },
                      "required": ["delta"]
                    }
                  }
                }
              ]
            },
            "PongEvent": {
              "description": "Answer to a ping.",
              "allOf": [
                { "$ref": "#/definitions/EventEnvelope" },
                { "type": "object", "required": ["type"], "properties": { "type": { "const": "pong" } } }
              ]
            }
          }
        }
        """;

    [Fact]
    public void Envelope_style_union_has_the_discriminator_variants_and_lifted_base_properties()
    {
        var model = Schema.BuildClean(EnvelopeStyle);

        // The allOf-only envelope produces no type; the unknown variant and visitor live in the union model.
        Assert.Equal(new[] { "MessageDeltaEvent", "MessageDeltaEventData", "PongEvent", "SessionEvent", "SessionEventType" }, model.TypeNames());

        var union = model.Union("SessionEvent");
        var typeEnum = Refs.Enum("SessionEventType");
        var baseProperties = new[]
        {
            new PropertyModel("SessionId", "session_id", Refs.String(), true, "The session.", null),
            new PropertyModel("Seq", "seq", Refs.Int64(nullable: true), false, null, null),
        };
        Assert.Equal(
            new UnionTypeModel(
                "SessionEvent",
                "Any event.",
                "SessionEventJsonConverter",
                "type",
                "Type",
                baseProperties.ToEquatableArray(),
                new[]
                {
                    new UnionVariantModel(Refs.Object("MessageDeltaEvent"), "message_delta", "MessageDelta"),
                    new UnionVariantModel(Refs.Object("PongEvent"), "pong", "Pong"),
                }.ToEquatableArray(),
                typeEnum,
                "Unknown",
                "UnknownSessionEvent",
                "UnknownSessionEventJsonConverter",
                "TypeName",
                "RawJson",
                "ISessionEventVisitor"),
            union);

        var variantOf = (string value, string member) => new VariantModel(
            Refs.Union("SessionEvent"), typeEnum, "global::Test.Ns.ISessionEventVisitor", "type", "Type", value, member, baseProperties.ToEquatableArray());

        var delta = model.Object("MessageDeltaEvent");
        Assert.Equal("A chunk.", delta.Description);
        Assert.Equal(variantOf("message_delta", "MessageDelta"), delta.Variant);
        Assert.Equal(
            new[] { new PropertyModel("Data", "data", Refs.Object("MessageDeltaEventData"), true, "Payload of `message_delta`.", null) },
            delta.Properties.ToArray());
        Assert.Equal(
            new[] { new PropertyModel("Delta", "delta", Refs.String(), true, "Text to append.", null) },
            model.Object("MessageDeltaEventData").Properties.ToArray());
        Assert.Null(model.Object("MessageDeltaEventData").Variant);

        var pong = model.Object("PongEvent");
        Assert.Equal("Answer to a ping.", pong.Description);
        Assert.Equal(variantOf("pong", "Pong"), pong.Variant);
        Assert.Empty(pong.Properties);

        Assert.Equal(
            new EnumTypeModel(
                "SessionEventType",
                "The values of the \"type\" property that tell the kinds of SessionEvent apart.",
                "SessionEventTypeJsonConverter",
                new[] { new EnumMemberModel("MessageDelta", "message_delta"), new EnumMemberModel("Pong", "pong") }.ToEquatableArray(),
                "Unknown"),
            model.Enum("SessionEventType"));
    }

    [Fact]
    public void AnyOf_of_inline_objects_with_dotted_consts_names_variants_after_the_value_and_the_unions_last_word()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "SessionEvent": {
                  "anyOf": [
                    {
                      "description": "A delta.",
                      "type": "object",
                      "properties": {
                        "type": { "const": "assistant.message_delta" },
                        "id": { "type": "string" },
                        "delta": { "type": "string" }
                      },
                      "required": ["type", "id", "delta"]
                    },
                    {
                      "type": "object",
                      "properties": { "type": { "const": "session.idle" }, "id": { "type": "string" } },
                      "required": ["type", "id"]
                    }
                  ]
                }
              }
            }
            """);

        Assert.Equal(new[] { "AssistantMessageDeltaEvent", "SessionEvent", "SessionEventType", "SessionIdleEvent" }, model.TypeNames());
        var union = model.Union("SessionEvent");
        Assert.Equal(
            new[]
            {
                new UnionVariantModel(Refs.Object("AssistantMessageDeltaEvent"), "assistant.message_delta", "AssistantMessageDelta"),
                new UnionVariantModel(Refs.Object("SessionIdleEvent"), "session.idle", "SessionIdle"),
            },
            union.Variants.ToArray());
        Assert.Equal(new[] { new PropertyModel("Id", "id", Refs.String(), true, null, null) }, union.BaseProperties.ToArray());

        var delta = model.Object("AssistantMessageDeltaEvent");
        Assert.Equal("A delta.", delta.Description);
        Assert.Equal(new[] { new PropertyModel("Delta", "delta", Refs.String(), true, null, null) }, delta.Properties.ToArray());
        Assert.Empty(model.Object("SessionIdleEvent").Properties);
        Assert.Equal(
            new[] { "AssistantMessageDelta", "SessionIdle" },
            model.Enum("SessionEventType").Members.Select(m => m.Name).ToArray());
    }

    [Fact]
    public void Union_inline_in_a_property_is_named_after_parent_and_property_and_can_be_nullable()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Drawing": {
                  "type": "object",
                  "properties": {
                    "shape": {
                      "oneOf": [
                        { "type": "object", "properties": { "type": { "const": "circle" }, "r": { "type": "number" } }, "required": ["r"] },
                        { "type": "object", "properties": { "type": { "const": "square" }, "side": { "type": "number" } } },
                        { "type": "null" }
                      ]
                    }
                  },
                  "required": ["shape"]
                }
              }
            }
            """);

        Assert.Equal(new[] { "CircleShape", "Drawing", "DrawingShape", "DrawingShapeType", "SquareShape" }, model.TypeNames());
        Assert.Equal(new PropertyModel("Shape", "shape", Refs.Union("DrawingShape", nullable: true), true, null, null), model.Object("Drawing").Property("shape"));
        Assert.Equal(new[] { new PropertyModel("R", "r", Refs.Double(), true, null, null) }, model.Object("CircleShape").Properties.ToArray());
        Assert.Equal(new[] { new PropertyModel("Side", "side", Refs.Double(nullable: true), false, null, null) }, model.Object("SquareShape").Properties.ToArray());
        Assert.Empty(model.Union("DrawingShape").BaseProperties);
    }

    [Fact]
    public void Discriminator_prefers_type_and_otherwise_takes_the_property_with_distinct_consts()
    {
        var preferType = Schema.BuildClean("""
            {
              "definitions": {
                "Msg": {
                  "oneOf": [
                    { "type": "object", "properties": { "version": { "const": "1" }, "type": { "const": "a" } } },
                    { "type": "object", "properties": { "version": { "const": "2" }, "type": { "const": "b" } } }
                  ]
                }
              }
            }
            """);
        var msg = preferType.Union("Msg");
        Assert.Equal("type", msg.DiscriminatorWireName);
        var a = preferType.Object("AMsg");
        Assert.Equal(new PropertyModel("Version", "version", Refs.String(nullable: true), false, null, "1"), Assert.Single(a.Properties));

        var distinct = Schema.BuildClean("""
            {
              "definitions": {
                "Command": {
                  "oneOf": [
                    { "type": "object", "properties": { "type": { "const": "cmd" }, "op": { "const": "start" } } },
                    { "type": "object", "properties": { "type": { "const": "cmd" }, "op": { "const": "stop" } } }
                  ]
                }
              }
            }
            """);
        var command = distinct.Union("Command");
        Assert.Equal("op", command.DiscriminatorWireName);
        Assert.Equal("Op", command.DiscriminatorPropertyName);
        Assert.Equal(Refs.Enum("CommandOp"), command.TypeEnum);
        Assert.Equal("OpName", command.UnknownDiscriminatorPropertyName);
        Assert.Equal(new[] { "StartCommand", "StopCommand" }, command.Variants.Select(v => v.Type.TypeName.Replace("global::Test.Ns.", string.Empty)).ToArray());
        Assert.Equal(new PropertyModel("Type", "type", Refs.String(nullable: true), false, null, "cmd"), Assert.Single(command.BaseProperties));
    }

    [Fact]
    public void Variant_property_named_type_is_kept_when_the_discriminator_is_kind()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Node": {
                  "oneOf": [
                    { "type": "object", "properties": { "kind": { "const": "leaf" }, "type": { "type": "string" } }, "required": ["type"] },
                    { "type": "object", "properties": { "kind": { "const": "branch" }, "Kind": { "type": "string" } } }
                  ]
                }
              }
            }
            """);

        var node = model.Union("Node");
        Assert.Equal("kind", node.DiscriminatorWireName);
        Assert.Equal("Kind", node.DiscriminatorPropertyName);
        Assert.Equal(new[] { "BranchNode", "LeafNode", "Node", "NodeKind" }, model.TypeNames());
        Assert.Equal(new PropertyModel("Type", "type", Refs.String(), true, null, null), Assert.Single(model.Object("LeafNode").Properties));

        // A wire name that would become the discriminator's C# property is renamed.
        Assert.Equal("KindValue", Assert.Single(model.Object("BranchNode").Properties).Name);
    }

    [Fact]
    public void One_value_enum_works_as_a_discriminator()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Pet": {
                  "oneOf": [
                    { "type": "object", "properties": { "type": { "enum": ["cat"] } } },
                    { "type": "object", "properties": { "type": { "enum": ["dog"] } } }
                  ]
                }
              }
            }
            """);

        Assert.Equal(new[] { "cat", "dog" }, model.Union("Pet").Variants.Select(v => v.DiscriminatorValue).ToArray());
        Assert.Equal(new[] { "CatPet", "DogPet", "Pet", "PetType" }, model.TypeNames());
    }

    [Fact]
    public void Discriminator_value_unknown_moves_the_unknown_member()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "SessionEvent": {
                  "oneOf": [
                    { "type": "object", "properties": { "type": { "const": "unknown" } } },
                    { "type": "object", "properties": { "type": { "const": "known" } } }
                  ]
                }
              }
            }
            """);

        var union = model.Union("SessionEvent");
        Assert.Equal("Unrecognized", union.TypeEnumUnknownMember);
        Assert.Equal("UnknownSessionEvent", union.UnknownVariantName);
        Assert.Equal("Unrecognized", model.Enum("SessionEventType").UnknownMember);
        Assert.Equal(new[] { "Unknown", "Known" }, model.Enum("SessionEventType").Members.Select(m => m.Name).ToArray());
        Assert.Equal(new[] { "KnownEvent", "SessionEvent", "SessionEventType", "UnknownEvent" }, model.TypeNames());
    }

    [Fact]
    public void Recursive_union_builds()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Expr": {
                  "oneOf": [
                    { "$ref": "#/definitions/Literal" },
                    { "$ref": "#/definitions/Sum" }
                  ]
                },
                "Literal": { "type": "object", "properties": { "type": { "const": "literal" }, "value": { "type": "number" } }, "required": ["value"] },
                "Sum": {
                  "type": "object",
                  "properties": {
                    "type": { "const": "sum" },
                    "terms": { "type": "array", "items": { "$ref": "#/definitions/Expr" } }
                  },
                  "required": ["terms"]
                }
              }
            }
            """);

        Assert.Equal(new[] { "Expr", "ExprType", "Literal", "Sum" }, model.TypeNames());
        Assert.Equal(Refs.List(Refs.Union("Expr")), model.Object("Sum").Property("terms").Type);
        Assert.NotNull(model.Object("Sum").Variant);
        Assert.NotNull(model.Object("Literal").Variant);
    }

    [Fact]
    public void Variant_used_elsewhere_as_a_value_is_the_same_record()
    {
        var model = Schema.BuildClean("""
            {
              "definitions": {
                "Aaa": { "type": "object", "properties": { "last_ping": { "$ref": "#/definitions/Ping" } } },
                "Frame": { "oneOf": [{ "$ref": "#/definitions/Ping" }, { "$ref": "#/definitions/Pong" }] },
                "Ping": { "type": "object", "properties": { "type": { "const": "ping" } } },
                "Pong": { "type": "object", "properties": { "type": { "const": "pong" } } }
              }
            }
            """);

        Assert.Equal(new[] { "Aaa", "Frame", "FrameType", "Ping", "Pong" }, model.TypeNames());
        Assert.Equal(Refs.Object("Ping", nullable: true), model.Object("Aaa").Property("last_ping").Type);
        Assert.NotNull(model.Object("Ping").Variant);
    }

    [Fact]
    public void Base_property_named_like_the_union_is_renamed()
    {
        // A member cannot have its enclosing type's name (CS0542); the base record is "Message".
        var model = Schema.Build("""
            {
              "definitions": {
                "Message": {
                  "oneOf": [
                    { "type": "object", "properties": { "type": { "const": "text" }, "message": { "type": "string" } }, "required": ["message"] },
                    { "type": "object", "properties": { "type": { "const": "image" }, "message": { "type": "string" } }, "required": ["message"] }
                  ]
                }
              }
            }
            """);

        var union = model.Union("Message");
        var shared = Assert.Single(union.BaseProperties);
        Assert.Equal("message", shared.WireName);
        Assert.NotEqual("Message", shared.Name);
    }

    [Fact]
    public void Unknown_variant_members_do_not_collide_with_base_properties()
    {
        // UnknownMessage derives from Message and declares TypeName and RawJson of its own;
        // base properties with those C# names would be hidden (and set twice by the converter).
        var model = Schema.Build("""
            {
              "definitions": {
                "Message": {
                  "oneOf": [
                    { "type": "object", "properties": { "type": { "const": "a" }, "type_name": { "type": "string" }, "raw_json": { "type": "string" } } },
                    { "type": "object", "properties": { "type": { "const": "b" }, "type_name": { "type": "string" }, "raw_json": { "type": "string" } } }
                  ]
                }
              }
            }
            """);

        var union = model.Union("Message");
        Assert.Equal(new[] { "type_name", "raw_json" }, union.BaseProperties.Select(p => p.WireName).ToArray());
        var baseNames = union.BaseProperties.Select(p => p.Name).ToList();
        Assert.DoesNotContain(union.UnknownDiscriminatorPropertyName, baseNames);
        Assert.DoesNotContain(union.UnknownRawPropertyName, baseNames);
        Assert.NotEqual(union.UnknownDiscriminatorPropertyName, union.UnknownRawPropertyName);
    }

    [Fact]
    public void Union_inline_in_a_property_over_definitions_keeps_one_record_per_definition()
    {
        // The union is not a definition, so it is built when Zoo is, after Alpha and Beta were
        // built as plain records (definitions go in name order).
        var model = Schema.Build("""
            {
              "definitions": {
                "Alpha": { "type": "object", "properties": { "type": { "const": "alpha" }, "a": { "type": "string" } } },
                "Beta": { "type": "object", "properties": { "type": { "const": "beta" }, "b": { "type": "string" } } },
                "Zoo": {
                  "type": "object",
                  "properties": { "animal": { "oneOf": [{ "$ref": "#/definitions/Alpha" }, { "$ref": "#/definitions/Beta" }] } },
                  "required": ["animal"]
                }
              }
            }
            """);

        Assert.Empty(model.Diagnostics);
        Assert.Equal(new[] { "Alpha", "Beta", "Zoo", "ZooAnimal", "ZooAnimalType" }, model.TypeNames());
        Assert.Equal(Refs.Union("ZooAnimal"), model.Object("Zoo").Property("animal").Type);
        Assert.Equal(Refs.Union("ZooAnimal"), model.Object("Alpha").Variant?.Union);
        Assert.Equal(Refs.Union("ZooAnimal"), model.Object("Beta").Variant?.Union);
    }

    [Fact]
    public void Properties_beside_oneOf_are_kept_as_base_properties()
    {
        // JSON Schema applies the outer properties to every alternative; dropping them silently loses data.
        var model = Schema.Build("""
            {
              "definitions": {
                "Item": {
                  "type": "object",
                  "properties": { "id": { "type": "string" } },
                  "required": ["id"],
                  "oneOf": [
                    { "properties": { "type": { "const": "a" } } },
                    { "properties": { "type": { "const": "b" } } }
                  ]
                }
              }
            }
            """);

        var union = model.Union("Item");
        Assert.Equal(new[] { new PropertyModel("Id", "id", Refs.String(), true, null, null) }, union.BaseProperties.ToArray());
    }
}
