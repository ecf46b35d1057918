using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Rewrites JSON schema text without changing what it means.</summary>
public static class JsonText
{
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    };

    /// <summary>
    /// Re-lays out every token with different whitespace (4-space indentation, CRLF line breaks, space before colons),
    /// leaving string literals (including their escapes) byte for byte as they were.
    /// </summary>
    public static string Reformat(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var output = new StringBuilder(json.Length * 2);
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        foreach (char c in json)
        {
            if (inString)
            {
                output.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n':
                    break;
                case '"':
                    inString = true;
                    output.Append(c);
                    break;
                case '{' or '[':
                    depth++;
                    output.Append(c).Append("\r\n").Append(' ', depth * 4);
                    break;
                case '}' or ']':
                    depth--;
                    output.Append("\r\n").Append(' ', depth * 4).Append(c);
                    break;
                case ',':
                    output.Append(",\r\n").Append(' ', depth * 4);
                    break;
                case ':':
                    output.Append(" : ");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.Append("\r\n").ToString();
    }

    /// <summary>
    /// Reverses the order of keywords inside every schema object and the order of the entries of <c>$defs</c>/<c>definitions</c>,
    /// and of <c>required</c> arrays; keeps the order of <c>properties</c> (which orders the generated members) and of
    /// data (<c>enum</c>, <c>const</c>, <c>default</c>, <c>examples</c>) and of <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c> lists.
    /// </summary>
    public static string ReorderKeywordsAndDefinitions(string json)
    {
        JsonNode root = JsonNode.Parse(json) ?? throw new ArgumentException("The JSON is null.", nameof(json));
        JsonNode reordered = ReorderSchema(root);
        return reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode ReorderSchema(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node.DeepClone();
        }

        var result = new JsonObject();
        foreach (KeyValuePair<string, JsonNode?> keyword in schema.Reverse())
        {
            result[keyword.Key] = keyword.Key switch
            {
                _ when keyword.Value is null => null,
                "enum" or "const" or "default" or "examples" => keyword.Value.DeepClone(),
                "required" when keyword.Value is JsonArray required => new JsonArray(required.Reverse().Select(item => item?.DeepClone()).ToArray()),
                "$defs" or "definitions" when keyword.Value is JsonObject defs => MapEntries(defs, reverse: true),
                _ when NameMaps.Contains(keyword.Key) && keyword.Value is JsonObject map => MapEntries(map, reverse: false),
                "anyOf" or "oneOf" or "allOf" or "prefixItems" when keyword.Value is JsonArray list =>
                    new JsonArray(list.Select(item => item is null ? null : ReorderSchema(item)).ToArray()),
                "items" or "additionalProperties" or "not" or "contains" or "if" or "then" or "else" or "propertyNames" or "unevaluatedProperties" or "unevaluatedItems" =>
                    ReorderSchema(keyword.Value),
                _ => keyword.Value.DeepClone(),
            };
        }

        return result;
    }

    private static JsonObject MapEntries(JsonObject map, bool reverse)
    {
        var result = new JsonObject();
        IEnumerable<KeyValuePair<string, JsonNode?>> entries = reverse ? map.Reverse() : map;
        foreach (KeyValuePair<string, JsonNode?> entry in entries)
        {
            result[entry.Key] = entry.Value is null ? null : ReorderSchema(entry.Value);
        }

        return result;
    }
}
