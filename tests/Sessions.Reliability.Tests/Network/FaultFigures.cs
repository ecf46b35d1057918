using System.Threading;

namespace Sessions.Reliability.Tests.Network;

/// <summary>What <see cref="FaultProxy"/> did, counted as it happened.</summary>
public sealed class FaultFigures
{
    private long _connections;
    private long _refused;
    private long _refusalWindows;
    private long _cutsGraceful;
    private long _cutsReset;
    private long _cutsUpstream;
    private long _cutsDownstream;
    private long _stalls;
    private long _fragmentedReads;
    private long _jitters;
    private long _bytesUp;
    private long _bytesDown;

    public long Connections => Volatile.Read(ref _connections);

    public long Refused => Volatile.Read(ref _refused);

    /// <summary>How many whiles the listener was closed (connections in them were refused by the system, uncounted).</summary>
    public long RefusalWindows => Volatile.Read(ref _refusalWindows);

    public long CutsGraceful => Volatile.Read(ref _cutsGraceful);

    public long CutsReset => Volatile.Read(ref _cutsReset);

    public long Cuts => CutsGraceful + CutsReset;

    public long CutsUpstream => Volatile.Read(ref _cutsUpstream);

    public long CutsDownstream => Volatile.Read(ref _cutsDownstream);

    public long Stalls => Volatile.Read(ref _stalls);

    public long FragmentedReads => Volatile.Read(ref _fragmentedReads);

    public long Jitters => Volatile.Read(ref _jitters);

    public long BytesUp => Volatile.Read(ref _bytesUp);

    public long BytesDown => Volatile.Read(ref _bytesDown);

    internal void Connection() => Interlocked.Increment(ref _connections);

    internal void Refusal() => Interlocked.Increment(ref _refused);

    internal void RefusalWindow() => Interlocked.Increment(ref _refusalWindows);

    internal void Cut(bool reset, bool upstream)
    {
        Interlocked.Increment(ref reset ? ref _cutsReset : ref _cutsGraceful);
        Interlocked.Increment(ref upstream ? ref _cutsUpstream : ref _cutsDownstream);
    }

    internal void Stall() => Interlocked.Increment(ref _stalls);

    internal void FragmentedRead() => Interlocked.Increment(ref _fragmentedReads);

    internal void Jitter() => Interlocked.Increment(ref _jitters);

    internal void Forwarded(bool upstream, int bytes) => Interlocked.Add(ref upstream ? ref _bytesUp : ref _bytesDown, bytes);

    public override string ToString()
        => $"connections {Connections}, reset on accept {Refused}, refusal windows {RefusalWindows}, cuts {Cuts} (graceful {CutsGraceful}, reset {CutsReset}; client->engine {CutsUpstream}, engine->client {CutsDownstream}), stalls {Stalls}, fragmented reads {FragmentedReads}, jitters {Jitters}, bytes up {BytesUp:N0}, down {BytesDown:N0}";
}
