using System.Collections.Generic;
using System.Linq;

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

    /// <summary>
    /// Values a property may not take, from a property schema that is only <c>not: {enum: [...]}</c> (OpenAPI's "Non
    /// Bearer" scheme): a constraint on the property another part types, so merging it keeps that part's schema.
    /// </summary>
    public Dictionary<string, List<string>> ExcludedValues { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Properties the object may not have, from <c>not: {required: [...]}</c> (each listed name alone).</summary>
    public HashSet<string> Forbidden { get; } = new(System.StringComparer.Ordinal);

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

    /// <summary>Takes out the properties the object may not have (<see cref="Forbidden"/>) that no part requires.</summary>
    public void RemoveForbidden()
    {
        foreach (var name in Forbidden.Where(n => !Required.Contains(n)))
        {
            if (Properties.Remove(name))
            {
                Order.Remove(name);
                FallbackDescriptions.Remove(name);
            }
        }
    }

    /// <summary>Merges another shape into this one (allOf).</summary>
    public void Merge(ObjectShape other)
    {
        foreach (var name in other.Order)
        {
            if (other.ExcludedValues.TryGetValue(name, out var excluded))
            {
                ExcludedValues[name] = ExcludedValues.TryGetValue(name, out var earlier) ? earlier.Union(excluded).ToList() : excluded.ToList();
                if (Properties.ContainsKey(name))
                {
                    // "not: {enum}" narrows the value the earlier schema types; it is no schema of its own.
                    continue;
                }
            }

            Set(name, other.Properties[name]);
            if (other.FallbackDescriptions.TryGetValue(name, out var fallback) && !FallbackDescriptions.ContainsKey(name))
            {
                FallbackDescriptions[name] = fallback;
            }
        }

        Required.UnionWith(other.Required);
        Forbidden.UnionWith(other.Forbidden);
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
