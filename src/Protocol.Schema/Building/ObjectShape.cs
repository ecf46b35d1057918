using System.Collections.Generic;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// An object schema with <c>allOf</c> and <c>$ref</c> already followed: its properties in order,
/// which are required, and its description. Used both to build records and to find a union's
/// discriminator before any record is built.
/// </summary>
internal sealed class ObjectShape
{
    /// <summary>Property wire names in first-seen order.</summary>
    public List<string> Order { get; } = new();

    /// <summary>The schema of each property (a later allOf part overrides an earlier one).</summary>
    public Dictionary<string, SchemaNode> Properties { get; } = new(System.StringComparer.Ordinal);

    /// <summary>A description from an earlier part, for a property whose override has none.</summary>
    public Dictionary<string, string> FallbackDescriptions { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Required property names.</summary>
    public HashSet<string> Required { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Whether some part forbids members it does not declare (<c>additionalProperties</c> or <c>unevaluatedProperties</c> false).</summary>
    public bool Closed { get; set; }

    /// <summary>The first description found.</summary>
    public string? Description { get; set; }

    /// <summary>Adds or overrides a property.</summary>
    public void Set(string wireName, SchemaNode schema)
    {
        if (Properties.TryGetValue(wireName, out var earlier))
        {
            if (schema.Description is null && earlier.Description is { } description)
            {
                FallbackDescriptions[wireName] = description;
            }
        }
        else
        {
            Order.Add(wireName);
        }

        Properties[wireName] = schema;
    }

    /// <summary>Merges another shape into this one (allOf).</summary>
    public void Merge(ObjectShape other)
    {
        foreach (var name in other.Order)
        {
            Set(name, other.Properties[name]);
            if (other.FallbackDescriptions.TryGetValue(name, out var fallback) && !FallbackDescriptions.ContainsKey(name))
            {
                FallbackDescriptions[name] = fallback;
            }
        }

        Required.UnionWith(other.Required);
        Closed |= other.Closed;
        Description ??= other.Description;
    }

    /// <summary>The string a property is fixed to by <c>const</c> (or a one-value <c>enum</c>), or null.</summary>
    public string? ConstOf(string wireName)
    {
        if (!Properties.TryGetValue(wireName, out var schema) || !schema.Value.IsObject)
        {
            return null;
        }

        if (schema.Value["const"] is { Kind: Json.SourceJsonKind.String } constant)
        {
            return constant.Text;
        }

        return schema.Value["enum"] is { Kind: Json.SourceJsonKind.Array, Items: { Count: 1 } items } && items[0].Kind == Json.SourceJsonKind.String
            ? items[0].Text
            : null;
    }
}
