using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>
/// Rewrites a schema into the same constraints spelled the way NJsonSchema 11 reads them, so the examples can be
/// validated by it: <c>$defs</c> becomes <c>definitions</c> (and <c>#/$defs/</c> references follow), <c>const</c>
/// becomes a one-value <c>enum</c> (NJsonSchema does not check <c>const</c>), and the boolean schemas <c>true</c> and
/// <c>false</c> become <c>{}</c> and <c>{"not":{}}</c> (it cannot read them). Only schema positions are rewritten, so a
/// property named <c>const</c> or <c>$defs</c> stays what it is.
/// </summary>
public static class NJsonSchemaDialect
{
    private static readonly string[] SchemaMaps = { "properties", "patternProperties", "definitions", "$defs", "dependentSchemas" };
    private static readonly string[] SchemaLists = { "oneOf", "anyOf", "allOf", "prefixItems" };
    private static readonly string[] SingleSchemas = { "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems" };

    /// <summary>The rewritten schema text.</summary>
    public static string Rewrite(string schemaText)
    {
        JsonNode root = JsonNode.Parse(schemaText) ?? throw new ArgumentException("The schema is null.", nameof(schemaText));
        return Schema(root).ToJsonString();
    }

    private static JsonNode Schema(JsonNode node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue(out bool admitsAll):
                return admitsAll ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
            case not JsonObject:
                return node.DeepClone();
        }

        var source = (JsonObject)node;
        var result = new JsonObject();
        foreach (KeyValuePair<string, JsonNode?> keyword in source)
        {
            string name = keyword.Key;
            JsonNode? value = keyword.Value;
            if (value is null)
            {
                result[name] = null;
                continue;
            }

            if (name == "$ref" && value is JsonValue r && r.TryGetValue(out string? reference))
            {
                result[name] = reference.StartsWith("#/$defs/", StringComparison.Ordinal) ? "#/definitions/" + reference["#/$defs/".Length..] : reference;
            }
            else if (name == "const")
            {
                if (!source.ContainsKey("enum"))
                {
                    result["enum"] = new JsonArray(value.DeepClone());
                }
            }
            else if (SchemaMaps.Contains(name) && value is JsonObject map)
            {
                string target = name == "$defs" ? "definitions" : name;
                JsonObject rewritten = result[target] as JsonObject ?? new JsonObject();
                foreach (KeyValuePair<string, JsonNode?> entry in map)
                {
                    rewritten[entry.Key] = entry.Value is null ? null : Schema(entry.Value);
                }

                result[target] = rewritten;
            }
            else if (SchemaLists.Contains(name) && value is JsonArray list)
            {
                result[name] = new JsonArray(list.Select(item => item is null ? null : Schema(item)).ToArray());
            }
            else if (name == "items")
            {
                result[name] = value is JsonArray tuple ? new JsonArray(tuple.Select(item => item is null ? null : Schema(item)).ToArray()) : Schema(value);
            }
            else if (SingleSchemas.Contains(name))
            {
                result[name] = Schema(value);
            }
            else
            {
                result[name] = value.DeepClone();
            }
        }

        return result;
    }
}
