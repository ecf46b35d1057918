using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>A schema file read as plain JSON, with its named definitions (<c>$defs</c> and <c>definitions</c>).</summary>
public sealed class SchemaDocument
{
    /// <summary>The name that stands for the schema's root in examples files.</summary>
    public const string Root = "#";

    private static readonly string[] Containers = { "$defs", "definitions" };

    private SchemaDocument(JsonObject root, string fileStem)
    {
        RootSchema = root;
        FileStem = fileStem;
        var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var containerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string container in Containers)
        {
            if (root[container] is JsonObject defs)
            {
                foreach (KeyValuePair<string, JsonNode?> entry in defs)
                {
                    if (entry.Value is not null)
                    {
                        definitions[entry.Key] = entry.Value;
                        containerOf[entry.Key] = container;
                    }
                }
            }
        }

        Definitions = definitions;
        ContainerOf = containerOf;
    }

    /// <summary>The whole schema.</summary>
    public JsonObject RootSchema { get; }

    /// <summary>The file name without <c>.schema.json</c>.</summary>
    public string FileStem { get; }

    /// <summary>The named definitions, by name (ordinal order).</summary>
    public IReadOnlyDictionary<string, JsonNode> Definitions { get; }

    /// <summary>The container (<c>$defs</c> or <c>definitions</c>) of each definition.</summary>
    public IReadOnlyDictionary<string, string> ContainerOf { get; }

    /// <summary>
    /// Whether the root is a type of its own: it says more than where its definitions are (a root that only
    /// points at a definition with <c>$ref</c>, or only holds definitions, is not).
    /// </summary>
    public bool RootDefinesType => RootSchema.Any(p => p.Key is "type" or "properties" or "oneOf" or "anyOf" or "allOf" or "items" or "additionalProperties" or "enum" or "const");

    /// <summary>Parses a schema file.</summary>
    public static SchemaDocument Parse(string text, string fileStem) =>
        new(JsonNode.Parse(text) as JsonObject ?? throw new ArgumentException("The schema is not a JSON object.", nameof(text)), fileStem);

    /// <summary>The schema of a definition, or of the root for <see cref="Root"/>.</summary>
    public JsonNode Schema(string definition) =>
        definition == Root ? RootSchema
        : Definitions.TryGetValue(definition, out JsonNode? schema) ? schema
        : throw new KeyNotFoundException($"The schema has no definition '{definition}' (it has {Definitions.Count}).");

    /// <summary>The JSON pointer of a definition.</summary>
    public string Pointer(string definition) =>
        definition == Root ? "#" : "#/" + ContainerOf[definition] + "/" + definition.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The definition a local <c>$ref</c> names (<c>#/definitions/X</c> or <c>#/$defs/X</c>), or null.</summary>
    public string? DefinitionOf(string reference)
    {
        foreach (string container in Containers)
        {
            string prefix = "#/" + container + "/";
            if (reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                string name = Uri.UnescapeDataString(reference[prefix.Length..]).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                return Definitions.ContainsKey(name) ? name : null;
            }
        }

        return null;
    }

    /// <summary>The names a generated type for this definition may carry: the definition's name, then its <c>title</c>.</summary>
    public IEnumerable<string> NameHints(string definition)
    {
        JsonNode schema = Schema(definition);
        string? title = schema is JsonObject o && o["title"] is JsonValue t && t.TryGetValue(out string? s) ? s : null;
        if (definition == Root)
        {
            if (title is not null)
            {
                yield return title;
            }

            yield return FileStem;
            yield break;
        }

        yield return definition;
        if (title is not null)
        {
            yield return title;
        }
    }
}
