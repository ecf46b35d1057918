using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Sessions.Reliability.Tests.Generators;

/// <summary>What kind of damage a generated frame carries (for the figures: how many of each were tried).</summary>
public enum Damage
{
    Truncated,
    BytesMutated,
    StructureMutated,
    DeeplyNested,
    Oversize,
    NotAnObject,
    BadStrings,
    Binary,
}

/// <summary>One generated frame: its bytes, whether it goes as a binary WebSocket message, and what was done to it.</summary>
public sealed record Frame(byte[] Bytes, bool Binary, Damage Damage)
{
    /// <summary>
    /// Whether it must go as a binary WebSocket message on a live socket: a text message that is not UTF-8 fails the
    /// WebSocket itself (RFC 6455 8.1, close 1007, enforced by .NET's WebSocket on both sides) before any decoder sees
    /// it, so such frames reach the decoder only directly and travel as binary frames on the wire.
    /// </summary>
    public bool SentAsBinary => Binary || !System.Text.Unicode.Utf8.IsValid(Bytes);

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return Damage + (Binary ? " (binary) " : " ") + Bytes.Length + " bytes: " + (text.Length > 300 ? text[..300] + "..." : text);
    }
}

/// <summary>
/// CsCheck generators of malformed, truncated, mutated, deeply nested and oversize frames, all derived from well-formed
/// ones (<see cref="Corpus"/>), so that they reach deep into the decoder instead of failing at the first byte.
/// </summary>
public static class BadFrames
{
    /// <summary>Bytes worth inserting: JSON structure, escapes, and UTF-8 that is invalid on its own.</summary>
    private static readonly byte[] Interesting = "{}[]\",:\\ -0123456789eE.tfnu"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xEF, 0xF4, 0xFF }).ToArray();

    private static readonly string[] BadStringValues =
    {
        "\\ud800", "\\udc00\\ud800", "a\\u0000b", "\\x41", "\\u12", "\\", "\\uZZZZ", "\\ud83d\\ude00",
    };

    private static readonly string[] OddValues =
    {
        "null", "0", "-1", "1.5", "1e309", "-1e309", "99999999999999999999999", "9223372036854775808", "true", "false",
        "\"\"", "[]", "{}", "[null]", "{\"a\":{}}", "\"9\"", "\"2024-13-45T99:99:99Z\"", "\"not a uri \\u0000\"",
    };

    /// <summary>Frames from the engine (events), for the client's decoder.</summary>
    public static Gen<Frame> Events { get; } = Damaged(Corpus.Events);

    /// <summary>Frames from a client, for the engine's parser.</summary>
    public static Gen<Frame> ClientFrames { get; } = Damaged(Corpus.ClientFrames);

    /// <summary>Frames from a client attached to a session: all but terminate_session, which would end the connection on purpose.</summary>
    public static Gen<Frame> ClientFramesWhileAttached { get; } = Damaged(Corpus.ClientFrames.Where(f => !f.Contains("terminate_session", StringComparison.Ordinal)).ToArray());

    private static Gen<Frame> Damaged(string[] corpus)
    {
        var source = Gen.Int[0, corpus.Length - 1].Select(i => Encoding.UTF8.GetBytes(corpus[i]));
        return Gen.Frequency(
            (3, Truncated(source)),
            (4, BytesMutated(source)),
            (5, StructureMutated(corpus)),
            (2, DeeplyNested(corpus)),
            (1, Oversize(corpus)),
            (2, NotAnObject),
            (2, BadStrings(corpus)),
            (1, source.Select(bytes => new Frame(bytes, true, Damage.Binary))));
    }

    private static Gen<Frame> Truncated(Gen<byte[]> source)
        => source.SelectMany(bytes => Gen.Int[0, bytes.Length - 1].Select(cut => new Frame(bytes[..cut], false, Damage.Truncated)));

    private static Gen<Frame> BytesMutated(Gen<byte[]> source)
        => source.SelectMany(bytes => Gen.Int[1, 4].SelectMany(count => Gen.Select(Gen.Int[0, 2], Gen.Int, Gen.Int[0, Interesting.Length - 1], Gen.Byte).Array[count]
            .Select(edits =>
            {
                var list = bytes.ToList();
                foreach (var (kind, at, pick, any) in edits)
                {
                    var position = (int)((uint)at % (uint)(list.Count + 1));
                    var value = pick % 3 == 0 ? any : Interesting[pick];
                    switch (kind)
                    {
                        case 0 when position < list.Count:
                            list[position] = value;
                            break;
                        case 1 when position < list.Count:
                            list.RemoveAt(position);
                            break;
                        default:
                            list.Insert(position, value);
                            break;
                    }
                }

                return new Frame(list.ToArray(), false, Damage.BytesMutated);
            })));

    /// <summary>A property removed, retyped, duplicated or added, anywhere in the object tree; the type made odd.</summary>
    private static Gen<Frame> StructureMutated(string[] corpus)
        => Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int[0, 5], Gen.Int, Gen.Int[0, OddValues.Length - 1]).Select((index, kind, where, odd) =>
        {
            var root = JsonNode.Parse(corpus[index])!.AsObject();
            var objects = Objects(root).ToList();
            var target = objects[(int)((uint)where % (uint)objects.Count)];
            var names = target.Select(p => p.Key).ToList();
            var name = names.Count == 0 ? "extra" : names[(int)((uint)(where / 7) % (uint)names.Count)];
            string json;
            switch (kind)
            {
                case 0:
                    target.Remove(name);
                    json = root.ToJsonString();
                    break;
                case 1:
                    target[name] = JsonNode.Parse(OddValues[odd]);
                    json = root.ToJsonString();
                    break;
                case 2:
                    // A duplicate property: legal JSON text that a last-wins or first-wins reader may see differently.
                    var text = root.ToJsonString();
                    json = text.Insert(1, JsonSerializer.Serialize(name) + ":" + OddValues[odd] + ",");
                    break;
                case 3:
                    root["type"] = JsonNode.Parse(OddValues[odd]);
                    json = root.ToJsonString();
                    break;
                case 4:
                    root.Remove("type");
                    json = root.ToJsonString();
                    break;
                default:
                    target["x_" + (where & 0xff)] = JsonNode.Parse(OddValues[odd]);
                    json = root.ToJsonString();
                    break;
            }

            return new Frame(Encoding.UTF8.GetBytes(json), false, Damage.StructureMutated);
        });

    /// <summary>Arrays or objects nested 30 to 400 deep, closed or not, at the top or in place of a value.</summary>
    private static Gen<Frame> DeeplyNested(string[] corpus)
        => Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int[30, 400], Gen.Int[0, 3]).Select((index, depth, kind) =>
        {
            var open = kind % 2 == 0 ? string.Concat(Enumerable.Repeat("[", depth)) : string.Concat(Enumerable.Repeat("{\"a\":", depth));
            var close = kind % 2 == 0 ? new string(']', depth) : new string('}', depth);
            var value = open + "1" + (kind < 2 ? close : string.Empty);
            var frame = corpus[index];
            var json = kind == 3 ? value : frame.Insert(frame.Length - 1, ",\"nested\":" + value);
            return new Frame(Encoding.UTF8.GetBytes(json), false, Damage.DeeplyNested);
        });

    /// <summary>Big strings, numbers and arrays (up to 300 KB): under the frame limit, so they test the decoder, not the 1009 close.</summary>
    private static Gen<Frame> Oversize(string[] corpus)
        => Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int[10_000, 300_000], Gen.Int[0, 2]).Select((index, size, kind) =>
        {
            var value = kind switch
            {
                0 => "\"" + new string('x', size) + "\"",
                1 => new string('9', size / 10),
                _ => "[" + string.Join(",", Enumerable.Repeat("{\"k\":[1,2,3]}", size / 14)) + "]",
            };
            var root = JsonNode.Parse(corpus[index])!.AsObject();
            var data = root["data"] as JsonObject ?? root;
            var name = data.Select(p => p.Key).FirstOrDefault(k => k != "type") ?? "padding";
            var text = root.ToJsonString();
            var json = text.Insert(1, JsonSerializer.Serialize(name) + ":" + value + ",");
            return new Frame(Encoding.UTF8.GetBytes(json), false, Damage.Oversize);
        });

    /// <summary>Not one JSON object: scalars, arrays, nothing, two objects, a BOM, random bytes.</summary>
    private static Gen<Frame> NotAnObject => Gen.Frequency(
        (3, Gen.Int[0, OddValues.Length - 1].Select(i => OddValues[i])),
        (1, Gen.OneOf(Gen.Const(string.Empty), Gen.Const("   "), Gen.Const("\r\n\t"), Gen.Const("{}{}"), Gen.Const("{\"type\":\"pong\"} {\"type\":\"pong\"}"), Gen.Const("\uFEFF{\"type\":\"pong\",\"session_id\":\"s\"}"), Gen.Const("{"), Gen.Const("}"))))
        .Select(text => new Frame(Encoding.UTF8.GetBytes(text), false, Damage.NotAnObject))
        .SelectMany(frame => Gen.Int[0, 3].SelectMany(kind => kind == 0
            ? Gen.Byte.Array[0, 64].Select(bytes => new Frame(bytes, false, Damage.NotAnObject))
            : Gen.Const(frame)));

    /// <summary>Strings holding lone surrogates, NULs, invalid escapes, or raw invalid UTF-8.</summary>
    private static Gen<Frame> BadStrings(string[] corpus)
        => Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int, Gen.Int[0, BadStringValues.Length], Gen.Int[0, 3]).Select((index, where, pick, raw) =>
        {
            var frame = corpus[index];
            var quotes = Enumerable.Range(0, frame.Length).Where(i => frame[i] == '"' && (i == 0 || frame[i - 1] != '\\')).ToList();
            var at = quotes[(int)((uint)where % (uint)quotes.Count)] + 1;
            if (pick == BadStringValues.Length || raw == 0)
            {
                var bytes = Encoding.UTF8.GetBytes(frame[..at]).Concat(new byte[] { 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xFF }.Skip(raw).Take(2 + raw)).Concat(Encoding.UTF8.GetBytes(frame[at..])).ToArray();
                return new Frame(bytes, false, Damage.BadStrings);
            }

            return new Frame(Encoding.UTF8.GetBytes(frame.Insert(at, BadStringValues[pick])), false, Damage.BadStrings);
        });

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).Where(v => v is not null))
            {
                foreach (var inner in Objects(child!))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.Where(v => v is not null))
            {
                foreach (var inner in Objects(child!))
                {
                    yield return inner;
                }
            }
        }
    }
}
