using System;
using System.Threading;

namespace Sessions.Benchmarks.Files;

/// <summary>
/// The peak of this process's managed heap above a mark, sampled every millisecond on a background thread:
/// <see cref="GC.GetTotalMemory(bool)"/> without a collection counts live objects and garbage not yet collected, so
/// the peak is what the heap really reached. <see cref="AllocatedSinceMark"/> (bytes allocated since the mark) bounds
/// it from above whatever the sampling missed.
/// </summary>
public sealed class HeapSampler : IDisposable
{
    private readonly Thread _thread;
    private long _baseline;
    private long _peak;
    private long _allocatedAtMark;
    private volatile bool _stop;

    public HeapSampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler", Priority = ThreadPriority.AboveNormal };
        Mark();
        _thread.Start();
    }

    /// <summary>Collects everything collectable, then takes the heap as the idle level the peak is measured above.</summary>
    public void Mark()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var idle = GC.GetTotalMemory(forceFullCollection: false);
        Interlocked.Exchange(ref _baseline, idle);
        Interlocked.Exchange(ref _peak, idle);
        Interlocked.Exchange(ref _allocatedAtMark, GC.GetTotalAllocatedBytes(precise: true));
    }

    /// <summary>The highest heap seen since the mark, minus the idle heap at the mark.</summary>
    public long PeakAboveIdle
    {
        get
        {
            Observe();
            return Interlocked.Read(ref _peak) - Interlocked.Read(ref _baseline);
        }
    }

    public long AllocatedSinceMark => GC.GetTotalAllocatedBytes(precise: true) - Interlocked.Read(ref _allocatedAtMark);

    private void Sample()
    {
        while (!_stop)
        {
            Observe();
            Thread.Sleep(1);
        }
    }

    private void Observe()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
