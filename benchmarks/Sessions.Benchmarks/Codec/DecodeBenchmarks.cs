using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sessions.Benchmarks.Workloads;
using Sessions.Serialization;

namespace Sessions.Benchmarks.Codec;

/// <summary>Which bytes a decode benchmark reads.</summary>
public enum DecodeWorkload
{
    /// <summary>Every frame of <see cref="RecordedTurn.Frames"/>, one decode each.</summary>
    Turn,

    /// <summary>The ~64 KiB <c>tool_result</c> frame.</summary>
    ToolResult64K,
}

/// <summary>
/// Goal 1: bytes -> typed event. One operation decodes every frame of the workload; per-event figures divide by
/// the frame count. Each method folds a field of every result into its return value so nothing is optimised away.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private byte[][] _frames = RecordedTurn.Frames;

    [ParamsAllValues]
    public DecodeWorkload Workload { get; set; }

    public static byte[][] FramesOf(DecodeWorkload workload) =>
        workload == DecodeWorkload.Turn ? RecordedTurn.Frames : new[] { RecordedTurn.LargeToolResult };

    [GlobalSetup]
    public void Setup() => _frames = FramesOf(Workload);

    /// <summary>Ours: the generated reflection-free converter, as the runtime's receive loop calls it.</summary>
    [Benchmark(Baseline = true)]
    public long Generated()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var reader = new Utf8JsonReader(frame);
            reader.Read();
            var evt = SessionEventJsonConverter.ReadValue(ref reader);
            acc += evt.Seq ?? 1;
        }

        return acc;
    }

    /// <summary>
    /// The least any <see cref="JsonElement"/> over the frame can cost: copy the bytes (the receive buffer is reused) and
    /// parse them into a document that is kept, as the decoded event keeps its untyped payload. Paired only (goal 1h).
    /// </summary>
    public long CopyAndParseDocument()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var document = JsonDocument.Parse((byte[])frame.Clone());
            acc += (long)document.RootElement.ValueKind;
        }

        return acc;
    }

    /// <summary>System.Text.Json polymorphism, reflection resolver.</summary>
    [Benchmark]
    public long StjReflection()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var evt = JsonSerializer.Deserialize<StjSessionEvent>(frame, StjOptions.Reflection)!;
            acc += evt.Seq ?? 1;
        }

        return acc;
    }

    /// <summary>System.Text.Json polymorphism, source-generated <see cref="JsonSerializerContext"/>.</summary>
    [Benchmark]
    public long StjSourceGen()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var evt = JsonSerializer.Deserialize(frame, StjContext.Default.StjSessionEvent)!;
            acc += evt.Seq ?? 1;
        }

        return acc;
    }

    /// <summary>A <see cref="JsonNode"/> (the Python SDK's <c>data: dict</c>): parse, then read <c>type</c> and reach <c>data</c>.</summary>
    [Benchmark]
    public long JsonNodeDict()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var node = JsonNode.Parse(frame)!;
            acc += node["type"]!.GetValue<string>().Length;
            acc += node["data"] is null ? 0 : 1;
        }

        return acc;
    }

    /// <summary>The floor: a bare <see cref="Utf8JsonReader"/> pass that only reads tokens.</summary>
    [Benchmark]
    public long ReaderFloor()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                acc++;
            }
        }

        return acc;
    }

    /// <summary>
    /// Not a goal's baseline: the floor plus what any typed event must own, a <see cref="string"/> for every string value.
    /// Shows how much of the gap to <see cref="ReaderFloor"/> is the strings themselves.
    /// </summary>
    [Benchmark]
    public long ReaderFloorWithStrings()
    {
        long acc = 0;
        foreach (var frame in _frames)
        {
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    acc += reader.GetString()!.Length;
                }
            }
        }

        return acc;
    }
}
