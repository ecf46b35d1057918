using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Determinism and value equality: what the generator's incremental cache relies on.</summary>
public class DeterminismTests
{
    private const string Ordered = """
        {
          "definitions": {
            "Alpha": {
              "type": "object",
              "properties": { "beta": { "$ref": "#/definitions/Beta" }, "inner": { "type": "object", "properties": { "x": { "type": "string" } } } }
            },
            "Beta": { "enum": ["one", "two"] },
            "Shape": {
              "oneOf": [
                { "$ref": "#/definitions/Circle" },
                { "type": "object", "properties": { "type": { "const": "square" }, "side": { "type": "number" } } }
              ]
            },
            "Circle": { "type": "object", "properties": { "type": { "const": "circle" }, "r": { "type": "number" } } },
            "foo_bar": { "type": "object", "properties": { "a": { "type": "string" } } },
            "FooBar": { "type": "object", "properties": { "b": { "type": "string" } } },
            "AlphaInner": { "type": "object", "properties": { "y": { "type": "string" } } }
          }
        }
        """;

    private const string Reordered = """
        {
          "definitions": {
            "AlphaInner": { "type": "object", "properties": { "y": { "type": "string" } } },
            "FooBar": { "type": "object", "properties": { "b": { "type": "string" } } },
            "foo_bar": { "type": "object", "properties": { "a": { "type": "string" } } },
            "Circle": { "type": "object", "properties": { "type": { "const": "circle" }, "r": { "type": "number" } } },
            "Shape": {
              "oneOf": [
                { "$ref": "#/definitions/Circle" },
                { "type": "object", "properties": { "type": { "const": "square" }, "side": { "type": "number" } } }
              ]
            },
            "Beta": { "enum": ["one", "two"] },
            "Alpha": {
              "type": "object",
              "properties": { "beta": { "$ref": "#/definitions/Beta" }, "inner": { "type": "object", "properties": { "x": { "type": "string" } } } }
            }
          }
        }
        """;

    [Fact]
    public void Definitions_in_another_order_give_an_equal_model()
    {
        var first = Schema.Build(Ordered);
        var second = Schema.Build(Reordered);

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.Files.GetHashCode(), second.Files.GetHashCode());
        Assert.Equal(
            new[] { "Alpha", "AlphaInner", "AlphaInner2", "Beta", "Circle", "FooBar", "FooBar2", "Shape", "ShapeType", "SquareShape" },
            first.TypeNames());
    }

    [Fact]
    public void Names_do_not_depend_on_definition_order()
    {
        foreach (var text in new[] { Ordered, Reordered })
        {
            var model = Schema.Build(text);

            // Definitions take names in ordinal order of their wire names: "FooBar" before "foo_bar".
            Assert.Equal(new[] { "b" }, model.Object("FooBar").Properties.Select(p => p.WireName).ToArray());
            Assert.Equal(new[] { "a" }, model.Object("FooBar2").Properties.Select(p => p.WireName).ToArray());

            // A definition's name wins over an inline object's.
            Assert.Equal(new[] { "y" }, model.Object("AlphaInner").Properties.Select(p => p.WireName).ToArray());
            Assert.Equal(Refs.Object("AlphaInner2", nullable: true), model.Object("Alpha").Property("inner").Type);

            Assert.Equal(new[] { "PSG006", "PSG006" }, model.Diagnostics.Select(d => d.Id).ToArray());
        }
    }

    [Fact]
    public void Files_in_another_order_give_an_equal_model()
    {
        (string, string, string) a = ("/s/a.schema.json", """{ "definitions": { "A": { "type": "object", "properties": { "b": { "$ref": "b.schema.json#/definitions/B" } } } } }""", "N");
        (string, string, string) b = ("/s/b.schema.json", """{ "definitions": { "B": { "type": "object", "properties": { "a": { "$ref": "a.schema.json#/definitions/A" } } } } }""", "N");

        var first = Schema.Build(a, b);
        var second = Schema.Build(b, a);

        Assert.Empty(first.Diagnostics);
        Assert.Equal(first, second);
        Assert.Equal(new[] { "N.A.g.cs", "N.B.g.cs" }, first.TypeFiles.Select(f => f.HintName).ToArray());
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_files_and_equal_models()
    {
        var first = Schema.Parse(Ordered);
        var second = Schema.Parse(Ordered);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Root, second.Root);

        var firstModel = SchemaReader.BuildModel(new[] { first });
        var secondModel = SchemaReader.BuildModel(new[] { second });
        Assert.Equal(firstModel, secondModel);
        Assert.Equal(firstModel.GetHashCode(), secondModel.GetHashCode());
        Assert.Equal(firstModel.Diagnostics, secondModel.Diagnostics);
    }

    [Fact]
    public void Invalid_json_parsed_twice_is_equal_too()
    {
        var first = Schema.Parse("{ \"definitions\": ");
        var second = Schema.Parse("{ \"definitions\": ");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(SchemaReader.BuildModel(new[] { first }), SchemaReader.BuildModel(new[] { second }));
    }

    [Fact]
    public void Whitespace_only_change_gives_a_different_parsed_file_but_equal_model_files()
    {
        var compact = """{"definitions":{"Point":{"type":"object","properties":{"x":{"type":"number"},"y":{"type":"number"}},"required":["x","y"]}}}""";
        var spaced = """
            {
              "definitions": {
                "Point": {
                  "type": "object",
                  "properties": { "x": { "type": "number" }, "y": { "type": "number" } },
                  "required": ["x", "y"]
                }
              }
            }
            """;

        var compactFile = Schema.Parse(compact);
        var spacedFile = Schema.Parse(spaced);
        Assert.NotEqual(compactFile, spacedFile);
        Assert.NotEqual(compactFile.Root, spacedFile.Root);

        var compactModel = SchemaReader.BuildModel(new[] { compactFile });
        var spacedModel = SchemaReader.BuildModel(new[] { spacedFile });
        Assert.Equal(compactModel.Files, spacedModel.Files);
        Assert.Equal(compactModel, spacedModel);
        Assert.Equal(compactModel.Files.GetHashCode(), spacedModel.Files.GetHashCode());
    }

    [Fact]
    public void A_changed_description_changes_the_model()
    {
        var before = Schema.Build("""{ "definitions": { "P": { "description": "old", "type": "object", "properties": { "x": { "type": "string" } } } } }""");
        var after = Schema.Build("""{ "definitions": { "P": { "description": "new", "type": "object", "properties": { "x": { "type": "string" } } } } }""");

        Assert.NotEqual(before.Files, after.Files);
    }

    [Fact]
    public void Building_the_same_parsed_files_twice_gives_equal_models()
    {
        var files = new[] { Schema.Parse(Ordered) };
        Assert.Equal(SchemaReader.BuildModel(files), SchemaReader.BuildModel(files));
    }

    [Fact]
    public void The_repository_schemas_build_without_diagnostics_and_deterministically()
    {
        var directory = Path.Combine(RepoRoot(), "schema");
        var paths = Directory.GetFiles(directory, "*.schema.json").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(paths);

        ParsedSchemaFile[] ParseAll() => paths.Select(p => SchemaReader.Parse(new SchemaSourceFile(p, File.ReadAllText(p), "Repo.Protocol"))).ToArray();

        var first = SchemaReader.BuildModel(ParseAll());
        var second = SchemaReader.BuildModel(ParseAll().AsEnumerable().Reverse());

        Assert.True(first.Diagnostics.Count == 0, string.Join("\n", first.Diagnostics));
        Assert.Equal(first, second);
        var sessionEvent = first.Union("SessionEvent");
        Assert.Equal("type", sessionEvent.DiscriminatorWireName);
        Assert.DoesNotContain(first.AllTypes(), t => t.Name == "EventEnvelope");
        Assert.All(sessionEvent.Variants, v => Assert.Equal(TypeKind.Object, v.Type.Kind));
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
