using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Json;

namespace Sessions.Protocol.Schema.Building;

/// <summary>A schema value together with the file it is in and its JSON pointer there.</summary>
/// <param name="File">The schema file.</param>
/// <param name="Value">The schema value.</param>
/// <param name="Pointer">Its JSON pointer, for example <c>#/definitions/Foo</c>.</param>
internal sealed record SchemaNode(ParsedSchemaFile File, SourceJsonValue Value, string Pointer)
{
    /// <summary>The identity used to memoise built types.</summary>
    public (string Path, string Pointer) Key => (File.Source.Path, Pointer);

    /// <summary>The node of a keyword's value, or null.</summary>
    public SchemaNode? Child(string keyword)
    {
        var value = Value.IsObject ? Value[keyword] : null;
        return value is null ? null : new SchemaNode(File, value, Pointer + "/" + Naming.EscapePointerToken(keyword));
    }

    /// <summary>The node of an array keyword's item.</summary>
    public SchemaNode Item(SourceJsonValue item, int index)
        => new(File, item, Pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The description, else the title, else null.</summary>
    public string? Description => Value.IsObject ? Value.StringOf("description") ?? Value.StringOf("title") : null;
}
