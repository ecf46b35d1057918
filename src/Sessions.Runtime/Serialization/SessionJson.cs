using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Sessions.Connection;

namespace Sessions;

/// <summary>
/// Reading and writing the protocol's JSON yourself (logs, fixtures, a proxy, your own transport): the events the
/// engine sends and the stored messages of the history, with the same reflection-free code the session uses.
/// </summary>
/// <remarks>The generated records also carry <c>[JsonConverter]</c> attributes, so <c>System.Text.Json</c> serializes them too.</remarks>
public static class SessionJson
{
    /// <summary>Reads one event, as the engine sends it (one WebSocket text message).</summary>
    /// <param name="utf8Json">The event's UTF-8 JSON.</param>
    /// <returns>The event, as its generated subclass (an unknown <c>type</c> gives <see cref="UnknownSessionEvent"/>).</returns>
    /// <exception cref="SessionException">The JSON is not an event; the message says what is wrong (code <c>invalid_frame</c>).</exception>
    public static SessionEvent ReadEvent(ReadOnlySpan<byte> utf8Json)
    {
        var decoded = FrameCodec.Decode(utf8Json);
        return decoded.Event ?? throw new SessionException("Not a session event: " + decoded.Problem, "invalid_frame");
    }

    /// <summary>Reads one event from a string.</summary>
    /// <param name="json">The event's JSON.</param>
    /// <exception cref="SessionException">The JSON is not an event (code <c>invalid_frame</c>).</exception>
    public static SessionEvent ReadEvent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReadEvent(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes one event as the engine would send it.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="evt">The event.</param>
    public static void WriteEvent(Utf8JsonWriter writer, SessionEvent evt)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evt);
        Serialization.SessionEventJsonConverter.WriteValue(writer, evt);
    }

    /// <summary>Writes one event to a string.</summary>
    /// <param name="evt">The event.</param>
    public static string WriteEvent(SessionEvent evt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEvent(writer, evt);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one stored message, as the history endpoint returns it.</summary>
    /// <param name="utf8Json">The message's UTF-8 JSON.</param>
    /// <exception cref="SessionException">The JSON is not a message; the message says what is wrong.</exception>
    public static SessionMessage ReadMessage(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            reader.Read();
            return Serialization.SessionMessageJsonConverter.ReadValue(ref reader);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new SessionException("Not a session message: " + exception.Message, "invalid_message", exception);
        }
    }

    /// <summary>Writes one stored message.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="message">The message.</param>
    public static void WriteMessage(Utf8JsonWriter writer, SessionMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        Serialization.SessionMessageJsonConverter.WriteValue(writer, message);
    }
}
