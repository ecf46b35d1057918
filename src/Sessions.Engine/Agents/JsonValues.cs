using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Sessions.Engine.Agents;

/// <summary>Small JSON values built without reflection (the engine uses no reflection-based serializer).</summary>
internal static class JsonValues
{
    /// <summary>A JSON string literal, quoted and escaped.</summary>
    public static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";

    /// <summary>Parses JSON text into a self-contained element (no pooled document to dispose).</summary>
    public static JsonElement Parse(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>An object whose properties are all strings, as a property map.</summary>
    public static Dictionary<string, JsonElement> Strings(params ReadOnlySpan<(string Name, string Value)> properties)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            map[name] = Parse(Quote(value));
        }

        return map;
    }
}
