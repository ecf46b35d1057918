using System;
using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>Helpers shared by the tests: parse and build inline schemas, find types, locate text.</summary>
internal static class Schema
{
    public const string DefaultPath = "/schemas/test.schema.json";
    public const string DefaultNamespace = "Test.Ns";

    public const string JsonElement = "global::System.Text.Json.JsonElement";

    /// <summary>Parses one file.</summary>
    public static ParsedSchemaFile Parse(string text, string path = DefaultPath, string ns = DefaultNamespace)
        => SchemaReader.Parse(new SchemaSourceFile(path, text, ns));

    /// <summary>Parses and builds one file.</summary>
    public static ProtocolModel Build(string text, string path = DefaultPath, string ns = DefaultNamespace)
        => SchemaReader.BuildModel(new[] { Parse(text, path, ns) });

    /// <summary>Parses and builds several files.</summary>
    public static ProtocolModel Build(params (string Path, string Text, string Namespace)[] files)
        => SchemaReader.BuildModel(files.Select(f => Parse(f.Text, f.Path, f.Namespace)).ToList());

    /// <summary>Builds and asserts that no diagnostic was reported.</summary>
    public static ProtocolModel BuildClean(string text)
    {
        var model = Build(text);
        Assert.True(model.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", model.Diagnostics));
        return model;
    }

    /// <summary>All types of all files.</summary>
    public static IEnumerable<TypeModel> AllTypes(this ProtocolModel model) => model.Files.SelectMany(f => f.Types);

    /// <summary>The names of all types, sorted.</summary>
    public static string[] TypeNames(this ProtocolModel model) => model.AllTypes().Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The single type named <paramref name="name"/>, of type <typeparamref name="T"/>.</summary>
    public static T Type<T>(this ProtocolModel model, string name)
        where T : TypeModel
    {
        var matches = model.AllTypes().Where(t => t.Name == name).ToList();
        Assert.True(matches.Count == 1, $"expected one type '{name}', found {matches.Count}; types: {string.Join(", ", model.TypeNames())}");
        return Assert.IsType<T>(matches[0]);
    }

    public static ObjectTypeModel Object(this ProtocolModel model, string name) => model.Type<ObjectTypeModel>(name);

    public static UnionTypeModel Union(this ProtocolModel model, string name) => model.Type<UnionTypeModel>(name);

    public static EnumTypeModel Enum(this ProtocolModel model, string name) => model.Type<EnumTypeModel>(name);

    /// <summary>The property with wire name <paramref name="wireName"/>.</summary>
    public static PropertyModel Property(this ObjectTypeModel type, string wireName)
    {
        var matches = type.Properties.Where(p => p.WireName == wireName).ToList();
        Assert.True(matches.Count == 1, $"expected one property '{wireName}' on {type.Name}; has: {string.Join(", ", type.Properties.Select(p => p.WireName))}");
        return matches[0];
    }

    /// <summary>A global::-qualified name in the default namespace.</summary>
    public static string Global(string name, string ns = DefaultNamespace) => "global::" + ns + "." + name;

    /// <summary>A global::-qualified converter name in the default namespace.</summary>
    public static string GlobalConverter(string typeName, string ns = DefaultNamespace) => "global::" + ns + ".Serialization." + typeName + "JsonConverter";

    /// <summary>The single diagnostic with <paramref name="id"/>.</summary>
    public static SchemaDiagnostic Single(this ProtocolModel model, string id)
    {
        var matches = model.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, found {matches.Count}:\n" + string.Join("\n", model.Diagnostics));
        return matches[0];
    }

    /// <summary>
    /// The character offset, 0-based line and 0-based column of the <paramref name="occurrence"/>-th
    /// occurrence of <paramref name="needle"/> in <paramref name="text"/> (computed independently of the reader).
    /// </summary>
    public static (int Offset, int Line, int Column) Find(string text, string needle, int occurrence = 0)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = text.IndexOf(needle, offset + 1, StringComparison.Ordinal);
            Assert.True(offset >= 0, $"'{needle}' (occurrence {occurrence}) not in the schema text");
        }

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

        return (offset, line, offset - lineStart);
    }

    /// <summary>Asserts that a diagnostic starts exactly where <paramref name="needle"/> starts and spans it.</summary>
    public static void AssertSpans(SchemaDiagnostic diagnostic, string text, string needle, int occurrence = 0)
    {
        var (offset, line, column) = Find(text, needle, occurrence);
        Assert.Equal((offset, line, column), (diagnostic.Location.Start, diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
        Assert.Equal(needle.Length, diagnostic.Location.Length);
        Assert.Equal(DefaultPath, diagnostic.Location.FilePath);
    }

    /// <summary>Asserts that a diagnostic starts exactly where <paramref name="needle"/> starts.</summary>
    public static void AssertStartsAt(SchemaDiagnostic diagnostic, string text, string needle, int occurrence = 0)
    {
        var (offset, line, column) = Find(text, needle, occurrence);
        Assert.Equal((offset, line, column), (diagnostic.Location.Start, diagnostic.Location.StartLine, diagnostic.Location.StartColumn));
    }

    /// <summary>Asserts the parts every diagnostic must have: id, severity, a message naming something and a fix, the pointer.</summary>
    public static void AssertDiagnostic(SchemaDiagnostic diagnostic, string id, SchemaDiagnosticSeverity severity, string pointer, params string[] messageParts)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(pointer, diagnostic.JsonPointer);
        Assert.Contains("Fix:", diagnostic.Message, StringComparison.Ordinal);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, diagnostic.Message, StringComparison.Ordinal);
        }
    }
}
