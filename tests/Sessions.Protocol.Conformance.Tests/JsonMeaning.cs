using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>
/// Rewrites JSON so that two texts with the same meaning for this protocol compare equal: an optional
/// property written as null means the same as one left out (readers treat both as absent), and a date-time
/// is the instant it names ("Z" and "+00:00", "06.020" and "06.02" are the same).
/// </summary>
internal static class JsonMeaning
{
    public static JsonNode Normalize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    obj[name] = Normalize(obj[name]!.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        array[i] = Normalize(item.DeepClone());
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                                      && value.GetValue<string>() is { Length: >= 20 } text
                                      && text[4] == '-' && text[10] == 'T'
                                      && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant):
                return JsonValue.Create(instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            default:
                return node;
        }
    }
}
