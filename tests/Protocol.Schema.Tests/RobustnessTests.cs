using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// Bad and odd schemas: never an exception out of Parse or BuildModel, diagnostics inside the text,
/// and a model the emitter can print (unique type names per namespace, unique member names per type).
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>
        {
            { "empty", "" },
            { "whitespace", "   \n  " },
            { "null root", "null" },
            { "true root", "true" },
            { "false root", "false" },
            { "number root", "42" },
            { "string root", "\"schema\"" },
            { "array root", "[]" },
            { "lone brace", "{" },
            { "closing brace", "}" },
            { "missing value", "{ \"a\": }" },
            { "truncated string", "{ \"a\": \"abc" },
            { "comment and trailing comma", "{ /* c */ \"definitions\": { \"A\": { \"type\": \"string\", }, }, }" },
            { "lone surrogate escape in a value", "{ \"description\": \"\\uD800\" }" },
            { "lone surrogate escape in a name", "{ \"definitions\": { \"\\uDC00x\": { \"type\": \"object\", \"properties\": { \"a\": {} } } } }" },
            { "too deep", new string('[', 300) + new string(']', 300) },
            { "huge number", "{ \"definitions\": { \"A\": { \"const\": 1e999 } } }" },
            { "ref not a string", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": { \"$ref\": 3 } } } } }" },
            { "ref to root", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": { \"$ref\": \"#\" } } } } }" },
            { "ref empty", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": { \"$ref\": \"\" } } } } }" },
            { "ref into an array", "{ \"definitions\": { \"L\": [ { \"type\": \"string\" } ], \"A\": { \"type\": \"object\", \"properties\": { \"x\": { \"$ref\": \"#/definitions/L/0\" }, \"y\": { \"$ref\": \"#/definitions/L/7\" } } } } }" },
            { "ref with bad percent", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": { \"$ref\": \"#/definitions/%zz\" } } } } }" },
            { "root refs itself", "{ \"$ref\": \"#\", \"type\": \"object\" }" },
            { "self ref", "{ \"definitions\": { \"A\": { \"$ref\": \"#/definitions/A\" } } }" },
            { "allOf cycle", "{ \"definitions\": { \"A\": { \"allOf\": [ { \"$ref\": \"#/definitions/B\" } ] }, \"B\": { \"allOf\": [ { \"$ref\": \"#/definitions/A\" } ] }, \"C\": { \"type\": \"object\", \"properties\": { \"a\": { \"$ref\": \"#/definitions/A\" } } } } }" },
            { "allOf self", "{ \"definitions\": { \"A\": { \"allOf\": [ { \"$ref\": \"#/definitions/A\" }, { \"properties\": { \"x\": {} } } ] } } }" },
            { "map of itself", "{ \"definitions\": { \"M\": { \"type\": \"object\", \"additionalProperties\": { \"$ref\": \"#/definitions/M\" } }, \"U\": { \"type\": \"object\", \"properties\": { \"m\": { \"$ref\": \"#/definitions/M\" } } } } }" },
            { "list of itself", "{ \"definitions\": { \"L\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/definitions/L\" } } } }" },
            { "empty oneOf", "{ \"definitions\": { \"A\": { \"oneOf\": [] } } }" },
            { "oneOf of booleans", "{ \"definitions\": { \"A\": { \"oneOf\": [ true, false ] } } }" },
            { "oneOf of numbers", "{ \"definitions\": { \"A\": { \"anyOf\": [ 1, 2, { \"type\": \"null\" } ] } } }" },
            { "oneOf of primitives", "{ \"definitions\": { \"A\": { \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"integer\" } ] } } }" },
            { "property schema is an array", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": [] } } } }" },
            { "items is a number", "{ \"definitions\": { \"A\": { \"type\": \"array\", \"items\": 3 } } }" },
            { "additionalProperties is a number", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"additionalProperties\": 3 } } }" },
            { "required with non-strings", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": {} }, \"required\": [1, null, \"x\"] } } }" },
            { "type null only", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": { \"type\": [\"null\"] }, \"y\": { \"type\": [] } } } } }" },
            { "empty names", "{ \"definitions\": { \"\": { \"type\": \"object\", \"properties\": { \"\": {}, \"$\": {}, \"@\": {} } } } }" },
            { "enum of every unknown name", "{ \"definitions\": { \"E\": { \"enum\": [\"unknown\", \"unrecognized\", \"unknown_value\"] } } }" },
            { "union of every unknown name", "{ \"definitions\": { \"U\": { \"oneOf\": [ { \"properties\": { \"type\": { \"const\": \"unknown\" } } }, { \"properties\": { \"type\": { \"const\": \"unrecognized\" } } }, { \"properties\": { \"type\": { \"const\": \"unknown_value\" } } } ] } } }" },
            { "union with empty discriminator", "{ \"definitions\": { \"U\": { \"oneOf\": [ { \"properties\": { \"type\": { \"const\": \"\" } } }, { \"properties\": { \"type\": { \"const\": \"x\" } } } ] } } }" },
            { "nested unions", "{ \"definitions\": { \"U\": { \"oneOf\": [ { \"properties\": { \"type\": { \"const\": \"a\" }, \"inner\": { \"oneOf\": [ { \"properties\": { \"kind\": { \"const\": \"x\" } } }, { \"properties\": { \"kind\": { \"const\": \"y\" } } } ] } } }, { \"properties\": { \"type\": { \"const\": \"b\" } } } ] } } }" },
            { "union variant is a union", "{ \"definitions\": { \"U\": { \"oneOf\": [ { \"$ref\": \"#/definitions/V\" }, { \"properties\": { \"type\": { \"const\": \"b\" } } } ] }, \"V\": { \"oneOf\": [ { \"properties\": { \"type\": { \"const\": \"x\" } } }, { \"properties\": { \"type\": { \"const\": \"y\" } } } ] } } }" },
            { "union variant refs itself", "{ \"definitions\": { \"U\": { \"oneOf\": [ { \"$ref\": \"#/definitions/U\" }, { \"properties\": { \"type\": { \"const\": \"b\" } } } ] } } }" },
            { "definitions and $defs same name", "{ \"definitions\": { \"A\": { \"type\": \"object\", \"properties\": { \"x\": {} } } }, \"$defs\": { \"A\": { \"type\": \"object\", \"properties\": { \"y\": {} } } } }" },
            { "everything named value", "{ \"definitions\": { \"Value\": { \"type\": \"object\", \"properties\": { \"value\": { \"type\": \"object\", \"properties\": { \"value\": {} } }, \"Value\": {}, \"value_value\": {} } } } }" },
        };

        var nested = new StringBuilder("{ \"definitions\": { \"Deep\": ");
        for (var i = 0; i < 60; i++)
        {
            nested.Append("{ \"type\": \"object\", \"properties\": { \"p\": ");
        }

        nested.Append("{ \"type\": \"string\" }");
        for (var i = 0; i < 60; i++)
        {
            nested.Append(" } }");
        }

        nested.Append(" } }");
        data.Add("deep but valid nesting", nested.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Never_throws_and_keeps_its_invariants(string name, string text)
    {
        Assert.NotNull(name);
        var parsed = Schema.Parse(text);
        var model = SchemaReader.BuildModel(new[] { parsed });

        Assert.Equal(model, SchemaReader.BuildModel(new[] { Schema.Parse(text) }));
        CheckInvariants(model, new Dictionary<string, string> { [Schema.DefaultPath] = text });
    }

    [Fact]
    public void Empty_set_builds_an_empty_model()
    {
        var model = SchemaReader.BuildModel(Array.Empty<ParsedSchemaFile>());
        Assert.Empty(model.Files);
        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancellation = new System.Threading.CancellationTokenSource();
        cancellation.Cancel();
        var parsed = Schema.Parse("""{ "definitions": { "A": { "type": "object", "properties": { "x": {} } } } }""");
        Assert.ThrowsAny<OperationCanceledException>(() => SchemaReader.BuildModel(new[] { parsed }, cancellation.Token));
    }

    [Fact]
    public void Two_files_with_the_same_name_in_different_folders_give_sources_with_distinct_hint_names()
    {
        var a = """{ "definitions": { "A": { "type": "object", "properties": { "x": {} } } } }""";
        var b = """{ "definitions": { "B": { "type": "object", "properties": { "y": {} } } } }""";
        var model = Schema.Build(("/one/events.schema.json", a, "One"), ("/two/events.schema.json", b, "Two"));

        Assert.Equal(2, model.Files.Count);
        Assert.Equal(new[] { "One.A.g.cs", "Two.B.g.cs" }, model.TypeFiles.Select(f => f.HintName).ToArray());
        CheckInvariants(model, new Dictionary<string, string> { ["/one/events.schema.json"] = a, ["/two/events.schema.json"] = b });
    }

    private static void CheckInvariants(ProtocolModel model, IReadOnlyDictionary<string, string> texts)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            Assert.Matches("^PSG[0-9]{3}$", diagnostic.Id);
            Assert.Contains("Fix:", diagnostic.Message, StringComparison.Ordinal);
            Assert.StartsWith("#", diagnostic.JsonPointer, StringComparison.Ordinal);
            var text = texts[diagnostic.Location.FilePath];
            var location = diagnostic.Location;
            Assert.InRange(location.Start, 0, text.Length);
            Assert.InRange(location.Start + location.Length, location.Start, text.Length);
            var (line, column) = LineAndColumn(text, location.Start);
            Assert.Equal((line, column), (location.StartLine, location.StartColumn));
            Assert.Equal(LineAndColumn(text, location.Start + location.Length), (location.EndLine, location.EndColumn));
        }

        // The emitter prints names as they are: they must be unique where C# needs them unique.
        foreach (var group in model.Files.GroupBy(f => f.Namespace))
        {
            var names = group.SelectMany(f => f.Types).SelectMany(TopLevelNames).ToList();
            Assert.True(names.Count == names.Distinct().Count(), "duplicate type names in " + group.Key + ": " + string.Join(", ", names));
        }

        foreach (var type in model.Files.SelectMany(f => f.Types))
        {
            switch (type)
            {
                case ObjectTypeModel record:
                    var members = record.Properties.Select(p => p.Name)
                        .Concat(record.Variant is { } v ? v.InheritedProperties.Select(p => p.Name).Append(v.DiscriminatorPropertyName) : Enumerable.Empty<string>())
                        .ToList();
                    Assert.True(members.Count == members.Distinct().Count(), "duplicate members in " + record.Name + ": " + string.Join(", ", members));
                    Assert.DoesNotContain(record.Name, members);
                    Assert.All(record.Properties.Where(p => p.ConstValue is not null), p => Assert.Equal(TypeKind.String, p.Type.Kind));
                    break;
                case UnionTypeModel union:
                    var baseMembers = union.BaseProperties.Select(p => p.Name).Append(union.DiscriminatorPropertyName).ToList();
                    Assert.True(baseMembers.Count == baseMembers.Distinct().Count(), "duplicate members in " + union.Name);
                    Assert.DoesNotContain(union.Name, baseMembers);
                    Assert.DoesNotContain(union.UnknownDiscriminatorPropertyName, baseMembers);
                    Assert.DoesNotContain(union.UnknownRawPropertyName, baseMembers);
                    break;
                case EnumTypeModel enumeration:
                    var memberNames = enumeration.Members.Select(m => m.Name).Append(enumeration.UnknownMember).ToList();
                    Assert.True(memberNames.Count == memberNames.Distinct().Count(), "duplicate members in " + enumeration.Name + ": " + string.Join(", ", memberNames));
                    break;
            }
        }
    }

    private static IEnumerable<string> TopLevelNames(TypeModel type)
        => type is UnionTypeModel union ? new[] { union.Name, union.UnknownVariantName, union.VisitorName } : new[] { type.Name };

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }
}
