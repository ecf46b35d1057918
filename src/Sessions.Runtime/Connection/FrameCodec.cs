using System;
using System.Buffers;
using System.Text.Json;
using Sessions.Protocol.Generated;
using Sessions.Serialization;

namespace Sessions.Connection;

/// <summary>
/// Client frames to JSON and JSON to events: the codec between the session and its transport, on its own so that
/// it can be tested (and fuzzed) without a connection.
/// </summary>
internal static class FrameCodec
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Writes one frame as UTF-8 JSON.</summary>
    public static void Encode(Utf8JsonWriter writer, ClientFrame frame)
    {
        ClientFrameJsonConverter.WriteValue(writer, frame);
        writer.Flush();
    }

    /// <summary>Writes one frame as UTF-8 JSON into a new array (tests, rare paths).</summary>
    public static byte[] Encode(ClientFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer);
        Encode(writer, frame);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one text frame: the event, or why it is not one. Never throws for bad input.</summary>
    /// <param name="utf8">The frame.</param>
    /// <param name="recent">
    /// The strings this connection's earlier frames held: every event of a connection repeats its session's id and
    /// every event of a turn its message's, so those are one string each instead of two allocations per event.
    /// </param>
    public static DecodedFrame Decode(ReadOnlySpan<byte> utf8, RecentStrings? recent = null)
    {
        var outer = RecentStrings.Current;
        RecentStrings.Current = recent;
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            reader.Read();
            return new DecodedFrame(SessionEventJsonConverter.ReadValue(ref reader), null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return new DecodedFrame(null, exception.Message);
        }
        finally
        {
            RecentStrings.Current = outer;
        }
    }
}

/// <summary>What <see cref="FrameCodec.Decode"/> made of a frame: an event, or the problem (exactly one is set).</summary>
internal readonly record struct DecodedFrame(SessionEvent? Event, string? Problem);
