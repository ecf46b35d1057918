using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sessions.Serialization;

namespace Sessions.Engine.Transport;

/// <summary>Writes events and history with the generated (reflection-free) converters.</summary>
internal static class EventSerializer
{
    // Raw UTF-8 instead of \uXXXX escapes: frames stay small and readable; nothing here is embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // One buffer and writer per thread: serialising is on every event's path, and both are reset, never shared.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? cachedBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? cachedWriter;

    /// <summary>One event as a UTF-8 JSON text frame.</summary>
    public static byte[] Serialize(SessionEvent sessionEvent) => Write(sessionEvent, static (writer, value) => SessionEventJsonConverter.WriteValue(writer, value));

    /// <summary>The body of <c>GET /v1/sessions/{id}/messages</c>.</summary>
    public static byte[] Serialize(GetMessagesResponse response) => Write(response, static (writer, value) => GetMessagesResponseJsonConverter.WriteValue(writer, value));

    private static byte[] Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = cachedBuffer ??= new ArrayBufferWriter<byte>(512);
        var writer = cachedWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, value);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            // A huge event (a big tool result) must not pin its buffer to the thread for ever.
            cachedBuffer = null;
            cachedWriter = null;
        }

        return bytes;
    }
}
