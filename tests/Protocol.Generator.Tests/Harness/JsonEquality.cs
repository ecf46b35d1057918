using System.Linq;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>JSON equality as a round trip promises it: property order and null-valued properties aside.</summary>
public static class JsonEquality
{
    /// <summary>The JSON with object members sorted by name and null-valued members dropped, for comparison and messages.</summary>
    public static string Normalize(string json) => Normalize(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(member => member.Value is not null)
            .OrderBy(member => member.Key, System.StringComparer.Ordinal)
            .Select(member => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(member.Key, Normalize(member.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value => JsonNode.Parse(value.ToJsonString()),
        _ => null,
    };
}
