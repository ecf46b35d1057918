using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;

namespace Sessions.Reliability.Tests.Generators;

/// <summary>What a newer engine did to a frame this client knows.</summary>
public enum Change
{
    ExtraProperties,
    Reordered,
    ExtraAndReordered,
    UnknownEnumValue,
    UnknownEventType,
}

/// <summary>One frame from a newer engine, and what this client must make of it.</summary>
/// <param name="Json">The frame.</param>
/// <param name="Original">The corpus frame it came from (what an extra or reordered property must not change).</param>
/// <param name="Change">What was changed.</param>
/// <param name="NewName">The unknown type or enum value it carries, if any.</param>
public sealed record FutureFrame(string Json, string Original, Change Change, string? NewName)
{
    public override string ToString() => Change + ": " + Json;
}

/// <summary>CsCheck generators of frames from a newer schema: extra properties anywhere, any property order, enum values and event types this client has never seen.</summary>
public static class FutureFrames
{
    private static readonly string[] ExtraValues =
    {
        "null", "0", "-7", "3.25", "1e300", "true", "false", "\"a new field\"", "\"\"", "[]", "{}", "[1,\"two\",{\"three\":[3]}]",
        "{\"nested\":{\"deeper\":{\"deepest\":[null,true]}}}", "\"\\u00e9\\ud83d\\ude00\"",
    };

    /// <summary>The corpus events that carry an enum: the path of its property.</summary>
    private static readonly Dictionary<string, string> EnumFields = new(StringComparer.Ordinal)
    {
        ["message_complete"] = "status",
        ["message_streaming"] = "status",
        ["participant_status"] = "status",
        ["tool_call"] = "status",
    };

    public static Gen<FutureFrame> Frames { get; } =
        Gen.Select(Gen.Int[0, Corpus.Events.Length - 1], Gen.Int[0, 4], Gen.Int, Gen.Int[1, 5]).Select((index, change, seed, count) =>
        {
            var original = Corpus.Events[index];
            var random = new Random(seed);
            var root = JsonNode.Parse(original)!.AsObject();
            var type = root["type"]!.GetValue<string>();
            var kind = (Change)change;
            string? name = null;
            if (kind == Change.UnknownEnumValue && !EnumFields.ContainsKey(type))
            {
                kind = Change.ExtraProperties; // nothing to change in this kind: add properties instead
            }

            switch (kind)
            {
                case Change.ExtraProperties:
                    AddExtras(root, random, count);
                    break;
                case Change.Reordered:
                    root = Reorder(root, random);
                    break;
                case Change.ExtraAndReordered:
                    AddExtras(root, random, count);
                    root = Reorder(root, random);
                    break;
                case Change.UnknownEnumValue:
                    name = "future_value_" + random.Next(1000);
                    root["data"]![EnumFields[type]] = name;
                    AddExtras(root, random, count - 1);
                    break;
                case Change.UnknownEventType:
                    name = "future_event_" + random.Next(1000);
                    root["type"] = name;
                    AddExtras(root, random, count);
                    root = Reorder(root, random);
                    break;
            }

            return new FutureFrame(root.ToJsonString(), original, kind, name);
        });

    private static void AddExtras(JsonObject root, Random random, int count)
    {
        var objects = SchemaObjects(root).ToList();
        for (var i = 0; i < count; i++)
        {
            var target = objects[random.Next(objects.Count)];
            var name = "x_future_" + random.Next(100_000);
            if (!target.ContainsKey(name))
            {
                target[name] = JsonNode.Parse(ExtraValues[random.Next(ExtraValues.Length)]);
            }
        }
    }

    /// <summary>The same object with its properties, and those of the schema's objects inside, in a random order.</summary>
    private static JsonObject Reorder(JsonObject source, Random random, bool schemaObject = true)
    {
        var pairs = source.Select(p => (p.Key, Value: p.Value?.DeepClone())).OrderBy(_ => schemaObject ? random.Next() : 0).ToList();
        var result = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            result[key] = value switch
            {
                JsonObject inner when key == "data" => Reorder(inner, random),
                JsonArray items when key == "results" => new JsonArray(items.Select(item => item is JsonObject o ? (JsonNode)Reorder((JsonObject)o.DeepClone(), random) : item?.DeepClone()).ToArray()),
                _ => value,
            };
        }

        return result;
    }

    /// <summary>
    /// The objects the schema defines: the event, its data, and search results. Not the free-form maps (tool arguments
    /// and results, metadata): there an extra or reordered key is the data itself, not a newer schema.
    /// </summary>
    private static IEnumerable<JsonObject> SchemaObjects(JsonObject root)
    {
        yield return root;
        if (root["data"] is JsonObject data)
        {
            yield return data;
            if (data["results"] is JsonArray results)
            {
                foreach (var item in results.OfType<JsonObject>())
                {
                    yield return item;
                }
            }
        }
    }
}
