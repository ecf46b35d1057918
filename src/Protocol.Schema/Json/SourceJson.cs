using System;
using Sessions.Protocol.Schema.Collections;

namespace Sessions.Protocol.Schema.Json;

/// <summary>The kind of a <see cref="SourceJsonValue"/>.</summary>
public enum SourceJsonKind
{
    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number, kept as its source text.</summary>
    Number,

    /// <summary><c>true</c>.</summary>
    True,

    /// <summary><c>false</c>.</summary>
    False,

    /// <summary><c>null</c>.</summary>
    Null,
}

/// <summary>
/// A JSON value that remembers where it stands in its file (UTF-8 byte offsets), so that a
/// diagnostic can point at the exact keyword. <c>System.Text.Json.JsonDocument</c> parses the same
/// text but does not expose token positions, which is why the schema reader keeps its own small tree
/// (built from <c>Utf8JsonReader</c>, which does the actual parsing).
/// </summary>
/// <param name="Kind">What kind of value this is.</param>
/// <param name="Start">UTF-8 byte offset of the value's first character.</param>
/// <param name="Length">UTF-8 byte length of the value in the source.</param>
/// <param name="Text">For strings the unescaped value, for numbers the source text, else null.</param>
/// <param name="Properties">For objects, the properties in source order.</param>
/// <param name="Items">For arrays, the items in source order.</param>
public sealed record SourceJsonValue(
    SourceJsonKind Kind,
    int Start,
    int Length,
    string? Text,
    EquatableArray<SourceJsonProperty> Properties,
    EquatableArray<SourceJsonValue> Items)
{
    /// <summary>Whether this is an object.</summary>
    public bool IsObject => Kind == SourceJsonKind.Object;

    /// <summary>The property named <paramref name="name"/> of an object, or null.</summary>
    public SourceJsonProperty? Property(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>The value of the property named <paramref name="name"/> of an object, or null.</summary>
    public SourceJsonValue? this[string name] => Property(name)?.Value;

    /// <summary>The string value of the property <paramref name="name"/>, or null when absent or not a string.</summary>
    public string? StringOf(string name)
    {
        var value = this[name];
        return value is { Kind: SourceJsonKind.String } ? value.Text : null;
    }
}

/// <summary>A property of a JSON object, with the position of its name.</summary>
/// <param name="Name">The unescaped property name.</param>
/// <param name="NameStart">UTF-8 byte offset of the name token (its opening quote).</param>
/// <param name="NameLength">UTF-8 byte length of the name token.</param>
/// <param name="Value">The property's value.</param>
public sealed record SourceJsonProperty(string Name, int NameStart, int NameLength, SourceJsonValue Value);
