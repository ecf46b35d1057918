using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Engine.Faults;

/// <summary>
/// One armed fault. A rule is claimed by exactly one connection (the next one, or the next one that sends an event of
/// its session) and then lives in that connection's writer, which is the only code that touches it.
/// </summary>
internal abstract class FaultRule
{
    /// <summary>The session it waits for, or null for the next connection whatever its session.</summary>
    public string? SessionId { get; init; }
}

/// <summary>Abort the socket (no close handshake) once this many more events were sent.</summary>
internal sealed class DropRule(int events) : FaultRule
{
    public int Remaining { get; set; } = events;
}

/// <summary>Send one frame that is not a valid event, before the next event.</summary>
internal sealed class InjectRule(Func<string, byte[]> frame) : FaultRule
{
    /// <summary>Makes the frame from the connection's session id ("" before it attaches).</summary>
    public Func<string, byte[]> Frame { get; } = frame;
}

/// <summary>Send nothing more until released (frames wait in the queue, in order).</summary>
internal sealed class StallRule : FaultRule
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a connection's writer starts holding its frames back: from then on it sends nothing until released.</summary>
    public Task Holding => holding.Task;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        holding.TrySetResult();
        return released.Task.WaitAsync(cancellationToken);
    }

    public void Release() => released.TrySetResult();
}
