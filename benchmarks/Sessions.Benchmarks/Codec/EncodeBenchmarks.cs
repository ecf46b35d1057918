using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Sessions.Benchmarks.Workloads;
using Sessions.Serialization;

namespace Sessions.Benchmarks.Codec;

/// <summary>
/// Goal 2: typed client frame -> bytes. One operation encodes the five frames of <see cref="ClientFrames"/>.
/// Ours and the baselines write into the same reused <see cref="ArrayBufferWriter{T}"/> through the same reused
/// <see cref="Utf8JsonWriter"/> (Reset), as the runtime's send path does; <see cref="StjReflectionToBytes"/> is what
/// most callers write instead (a fresh byte[] per frame).
/// </summary>
[MemoryDiagnoser]
public class EncodeBenchmarks
{
    private readonly ClientFrame[] _ours = ClientFrames.Ours;
    private readonly StjClientFrame[] _mirrors = ClientFrames.Mirrors;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup() => _writer = new Utf8JsonWriter(_buffer);

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>Ours: the generated converter into the pooled buffer.</summary>
    [Benchmark(Baseline = true)]
    public int Generated()
    {
        var total = 0;
        foreach (var frame in _ours)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            ClientFrameJsonConverter.WriteValue(_writer, frame);
            _writer.Flush();
            total += _buffer.WrittenCount;
        }

        return total;
    }

    /// <summary>System.Text.Json reflection serializer on the mirror records, same pooled buffer and writer.</summary>
    [Benchmark]
    public int StjReflection()
    {
        var total = 0;
        foreach (var frame in _mirrors)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, frame, StjOptions.Reflection);
            _writer.Flush();
            total += _buffer.WrittenCount;
        }

        return total;
    }

    /// <summary>System.Text.Json source-generated serializer on the mirror records, same pooled buffer and writer.</summary>
    [Benchmark]
    public int StjSourceGen()
    {
        var total = 0;
        foreach (var frame in _mirrors)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, frame, StjContext.Default.StjClientFrame);
            _writer.Flush();
            total += _buffer.WrittenCount;
        }

        return total;
    }

    /// <summary>System.Text.Json reflection serializer the common way: a new byte[] per frame.</summary>
    [Benchmark]
    public int StjReflectionToBytes()
    {
        var total = 0;
        foreach (var frame in _mirrors)
        {
            total += JsonSerializer.SerializeToUtf8Bytes(frame, StjOptions.Reflection).Length;
        }

        return total;
    }
}
