using System.Linq;
using Sessions.Protocol.Generator.Tests.Harness;
using Sessions.Protocol.Schema;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The decisions the emitter only prints are made in the model: which tags a variant writes itself and under which
/// fields, which variants read on after their union's tag, the names of fields and locals, enum values, fallback docs,
/// what error messages call a type or property, and how a rule union's reader probes and tests (see the other part).
/// </summary>
public sealed partial class ModelDecisionTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Shape": { "oneOf": [ { "$ref": "#/$defs/Circle" }, { "$ref": "#/$defs/Square" } ] },
            "Circle": {
              "type": "object",
              "properties": { "type": { "const": "circle" }, "radius": { "type": "number" }, "URL": { "type": "string" } },
              "required": [ "type", "radius" ]
            },
            "Square": {
              "description": "Four equal sides.",
              "type": "object",
              "properties": { "type": { "const": "square" }, "sideLength": { "type": "number" } },
              "required": [ "type", "sideLength" ]
            },
            "Colour": { "enum": [ "red", "green" ] }
          }
        }
        """;

    private static ProtocolModel Model() => SchemaReader.BuildModel(new[]
    {
        SchemaReader.Parse(new SchemaSourceFile(TestPaths.VirtualRepoRoot + "/schema/shapes.schema.json", Schema, "Geometry")),
    });

    private static T TypeFile<T>(ProtocolModel model, string name)
        where T : TypeModel
        => Assert.IsType<T>(Assert.Single(model.TypeFiles, f => f.Type.Name == name).Type);

    [Fact]
    public void AVariant_WritesItsUnionsTag_UnderFieldsTheModelNames_AndItsUnionReadsOnAfterTheTag()
    {
        ProtocolModel model = Model();

        ObjectTypeModel circle = TypeFile<ObjectTypeModel>(model, "Circle");
        Assert.Equal(new[] { new WrittenTag("type", "circle", "DiscriminatorName", "DiscriminatorValue") }, circle.WrittenTags);
        Assert.Equal(new[] { ("Radius", "radiusValue"), ("URL", "uRLValue") }, circle.AllProperties.Select(p => (p.Name, p.ValueLocal)));

        UnionTypeModel shape = TypeFile<UnionTypeModel>(model, "Shape");
        Assert.Equal(new[] { ("Circle", true), ("Square", true) }, shape.Variants.Select(v => (v.TypeEnumMember, v.ReadsMembersAfterTag)));
    }

    [Fact]
    public void HintNames_FieldsLocalsEnumValuesAndFallbackDocs_AreTheModels()
    {
        ProtocolModel model = Model();

        Assert.Equal(
            new[] { "Geometry.Circle.g.cs", "Geometry.Colour.g.cs", "Geometry.Shape.g.cs", "Geometry.ShapeType.g.cs", "Geometry.Square.g.cs" },
            model.TypeFiles.Select(f => f.HintName));

        PropertyModel side = TypeFile<ObjectTypeModel>(model, "Square").Properties.Single();
        Assert.Equal(("SideLength", "NameSideLength", "sideLengthValue"), (side.Name, side.EncodedNameField, side.ValueLocal));

        EnumTypeModel colour = TypeFile<EnumTypeModel>(model, "Colour");
        Assert.Equal(new[] { ("Red", 1, "EncodedRed"), ("Green", 2, "EncodedGreen") }, colour.NumberedMembers.Select(m => (m.Member.Name, m.Value, m.Member.EncodedField)));

        Assert.Equal("Four equal sides.", TypeFile<ObjectTypeModel>(model, "Square").Summary);
        Assert.Equal("Circle (the schema gives no description).", TypeFile<ObjectTypeModel>(model, "Circle").Summary);
    }

    [Fact]
    public void A_converters_locals_are_named_after_the_property_and_its_errors_name_type_and_wire_name()
    {
        ProtocolModel model = Model();

        ObjectTypeModel circle = TypeFile<ObjectTypeModel>(model, "Circle");
        Assert.Equal(
            new[] { ("radiusValue", "radiusPresent", "Circle.radius"), ("uRLValue", "uRLPresent", "Circle.URL") },
            circle.PropertyReads.Select(r => (r.Property.ValueLocal, r.Property.PresentLocal, r.ErrorOwner)));
        Assert.Equal("Circle", circle.ErrorOwner);

        UnionTypeModel shape = TypeFile<UnionTypeModel>(model, "Shape");
        Assert.Equal(("Shape", "UnknownShape", "Shape.type"), (shape.ErrorOwner, shape.UnknownErrorOwner, shape.TagErrorOwner));
        Assert.Empty(shape.UnknownPropertyReads);

        Assert.Equal("Colour has no wire value for this member.", TypeFile<EnumTypeModel>(model, "Colour").NoWireValueMessage);
    }

    [Fact]
    public void Properties_named_alike_get_distinct_locals_that_are_no_keyword()
    {
        const string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Link": {
                  "type": "object",
                  "properties": { "url": { "type": "string" }, "URL": { "type": "string" }, "class": { "type": "string" } },
                  "required": [ "url", "class" ]
                }
              }
            }
            """;
        ProtocolModel model = SchemaReader.BuildModel(new[]
        {
            SchemaReader.Parse(new SchemaSourceFile(TestPaths.VirtualRepoRoot + "/schema/links.schema.json", schema, "Links")),
        });

        var reads = TypeFile<ObjectTypeModel>(model, "Link").PropertyReads;
        Assert.Equal(
            new[] { ("urlValue", "urlPresent", "Link.url"), ("uRLValue", "uRLPresent", "Link.URL"), ("classValue", "classPresent", "Link.class") },
            reads.Select(r => (r.Property.ValueLocal, r.Property.PresentLocal, r.ErrorOwner)));
    }

    [Fact]
    public void A_tuples_and_a_first_match_unions_errors_and_locals_are_the_models()
    {
        const string schema = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "definitions": {
                "Pair": { "type": "array", "items": [ { "type": "string" }, { "type": "integer" } ], "minItems": 1, "additionalItems": false },
                "Tagged": { "type": "array", "items": [ { "type": "string" } ] },
                "Reference": { "type": "object", "required": [ "$ref" ], "properties": { "$ref": { "type": "string" } } },
                "Avro": { "oneOf": [ { "type": "string" }, { "type": "object", "properties": { "name": { "type": "string" } } } ] },
                "Key": { "anyOf": [ { "$ref": "#/definitions/Reference" }, { "$ref": "#/definitions/Avro" } ] }
              }
            }
            """;
        ProtocolModel model = SchemaReader.BuildModel(new[]
        {
            SchemaReader.Parse(new SchemaSourceFile(TestPaths.VirtualRepoRoot + "/schema/pairs.schema.json", schema, "Pairs")),
        });

        TupleTypeModel pair = TypeFile<TupleTypeModel>(model, "Pair");
        Assert.Equal("Cannot read Pair: the array has more than 2 positions, and the schema allows no more.", pair.TooManyItemsMessage);
        Assert.Equal("Cannot read Pair: the array must have at least 1 item but has ", pair.TooFewItemsMessageStart);
        Assert.Equal(new[] { ("position0", "Pair[0] (Item1)"), ("position1", "Pair[1] (Item2)") }, pair.Positions.Select(p => (p.Local, p.Label(pair.Name))));
        Assert.Null(pair.RestErrorOwner);
        Assert.Equal("Tagged.Rest", TypeFile<TupleTypeModel>(model, "Tagged").RestErrorOwner);

        AnyOfUnionTypeModel key = TypeFile<AnyOfUnionTypeModel>(model, "Key");
        Assert.Equal(
            new[] { ("asReference", "Key.Reference"), ("asAvro", "Key.Avro") },
            key.Cases.Select(c => (c.ReadLocal, key.ErrorOwnerOf(c))));
    }
}
