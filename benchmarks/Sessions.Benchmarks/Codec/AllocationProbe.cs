using System;
using System.Text.Json;
using Sessions.Serialization;

namespace Sessions.Benchmarks.Codec;

/// <summary>
/// Goal 1's "no more than the event's own objects and strings": decodes the workload many times while keeping every
/// event alive, and compares the bytes allocated (GC.GetAllocatedBytesForCurrentThread) with the bytes still live
/// after a full, compacting collection (GC.GetTotalMemory(true)). What is allocated but not retained is garbage the
/// decoder made for itself.
/// </summary>
public static class AllocationProbe
{
    /// <summary>The result, per event.</summary>
    public readonly record struct Outcome(double AllocatedPerEvent, double RetainedPerEvent)
    {
        public double GarbagePerEvent => AllocatedPerEvent - RetainedPerEvent;
    }

    public static Outcome Generated(byte[][] frames, int rounds) => Measure(frames, rounds, static frame =>
    {
        var reader = new Utf8JsonReader(frame);
        reader.Read();
        return SessionEventJsonConverter.ReadValue(ref reader);
    });

    public static Outcome StjSourceGen(byte[][] frames, int rounds) =>
        Measure(frames, rounds, static frame => JsonSerializer.Deserialize(frame, StjContext.Default.StjSessionEvent)!);

    private static Outcome Measure(byte[][] frames, int rounds, Func<byte[], object> decode)
    {
        // Warm the decoder (JIT, static caches) so one-time allocations are not counted.
        foreach (var frame in frames)
        {
            GC.KeepAlive(decode(frame));
        }

        var events = frames.Length * rounds;
        var keep = new object[events];
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var k = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var frame in frames)
            {
                keep[k++] = decode(frame);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var liveAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(keep);
        return new Outcome((double)allocated / events, (double)(liveAfter - liveBefore) / events);
    }
}
