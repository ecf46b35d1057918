using System;
using System.Buffers;
using System.Text.Json;
using Sessions.Serialization;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>Decodes and encodes golden frames with the generated converters, chosen by schema file.</summary>
internal static class GeneratedCodec
{
    public static object Decode(string schemaFile, string expectedType, byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return schemaFile switch
        {
            "session-events.schema.json" => SessionEventJsonConverter.ReadValue(ref reader),
            "client-frames.schema.json" => ClientFrameJsonConverter.ReadValue(ref reader),
            "common.schema.json" when expectedType == nameof(GetMessagesResponse) => GetMessagesResponseJsonConverter.ReadValue(ref reader),
            _ => throw new ArgumentException($"No decoder for {expectedType} in {schemaFile}."),
        };
    }

    public static byte[] Encode(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (value)
            {
                case SessionEvent e: SessionEventJsonConverter.WriteValue(writer, e); break;
                case ClientFrame f: ClientFrameJsonConverter.WriteValue(writer, f); break;
                case GetMessagesResponse r: GetMessagesResponseJsonConverter.WriteValue(writer, r); break;
                default: throw new ArgumentException($"No encoder for {value.GetType()}.");
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
