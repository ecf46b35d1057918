using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sessions.Benchmarks.Workloads;
using Sessions.Serialization;

namespace Sessions.Benchmarks.Codec;

/// <summary>
/// Before timing anything: every contender must read every frame to the same event, and every encoder must write the
/// same JSON, or the comparison would be of different work.
/// </summary>
public static class CodecChecks
{
    public static void Run()
    {
        foreach (var frame in RecordedTurn.Frames)
        {
            CheckDecode(frame);
        }

        CheckDecode(RecordedTurn.LargeToolResult);

        if (ClientFrames.Ours.Length != ClientFrames.Mirrors.Length)
        {
            throw new InvalidOperationException("The client frame workloads differ in length.");
        }

        for (var i = 0; i < ClientFrames.Ours.Length; i++)
        {
            var ours = EncodeOurs(ClientFrames.Ours[i]);
            var reflection = JsonSerializer.SerializeToUtf8Bytes(ClientFrames.Mirrors[i], StjOptions.Reflection);
            var sourceGen = JsonSerializer.SerializeToUtf8Bytes(ClientFrames.Mirrors[i], StjContext.Default.StjClientFrame);
            Same("encode reflection", ours, reflection);
            Same("encode source-gen", ours, sourceGen);
        }
    }

    internal static byte[] EncodeOurs(ClientFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        ClientFrameJsonConverter.WriteValue(writer, frame);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void CheckDecode(byte[] frame)
    {
        var reader = new Utf8JsonReader(frame);
        reader.Read();
        var ours = SessionEventJsonConverter.ReadValue(ref reader);
        if (ours is UnknownSessionEvent)
        {
            throw new InvalidOperationException("Ours read a workload frame as unknown: " + Encoding.UTF8.GetString(frame));
        }

        var reflection = JsonSerializer.Deserialize<StjSessionEvent>(frame, StjOptions.Reflection)!;
        var sourceGen = JsonSerializer.Deserialize(frame, StjContext.Default.StjSessionEvent)!;

        // Written back, each must be the same JSON as the frame it came from (so each read every property).
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SessionEventJsonConverter.WriteValue(writer, ours);
        }

        Same("decode ours", frame, buffer.WrittenSpan.ToArray());
        Same("decode reflection", frame, JsonSerializer.SerializeToUtf8Bytes(reflection, StjOptions.Reflection));
        Same("decode source-gen", frame, JsonSerializer.SerializeToUtf8Bytes(sourceGen, StjContext.Default.StjSessionEvent));
    }

    private static void Same(string what, byte[] expected, byte[] actual)
    {
        if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
        {
            throw new InvalidOperationException(
                "The contenders do not do the same work (" + what + "):\n  expected " + Encoding.UTF8.GetString(expected) + "\n  actual   " + Encoding.UTF8.GetString(actual));
        }
    }
}
