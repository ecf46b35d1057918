using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Sessions.Subscriptions;

/// <summary>
/// One <see cref="Session.ListenAsync(System.Collections.Generic.IEnumerable{SessionEventType}?, int, CancellationToken)"/> call:
/// its own queue, filled by the receive loop without ever waiting.
/// </summary>
/// <remarks>
/// Overflow: when the queue holds <c>capacity</c> events, further events are dropped and counted. When
/// room appears again, or the session ends, one synthetic <see cref="ErrorEvent"/> (code
/// <c>subscriber_queue_overflow</c>) is queued first, exactly where the gap is, carrying how many were
/// dropped; so each burst of drops is reported once and in place.
/// </remarks>
internal sealed class Subscription
{
    private readonly Channel<SessionEvent> _queue = Channel.CreateUnbounded<SessionEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SessionEvent, bool>? _filter;
    private readonly int _capacity;
    private readonly Action<Subscription> _onEnd;
    private readonly Action<long>? _onDrop;
    private int _count;
    private long _dropped;
    private string _sessionId = string.Empty;

    public Subscription(Func<SessionEvent, bool>? filter, int capacity, Action<Subscription> onEnd, Action<long>? onDrop)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The queue size must be 0 (unbounded) or more.");
        }

        _filter = filter;
        _capacity = capacity;
        _onEnd = onEnd;
        _onDrop = onDrop;
    }

    /// <summary>Called by the receive loop only (one writer): queues or drops, never waits.</summary>
    public void Offer(SessionEvent evt)
    {
        if (_filter is not null && !_filter(evt))
        {
            return;
        }

        _sessionId = evt.SessionId;
        if (_capacity > 0 && Volatile.Read(ref _count) >= _capacity)
        {
            _dropped++;
            _onDrop?.Invoke(1);
            return;
        }

        FlushOverflowReport();
        Interlocked.Increment(ref _count);
        _queue.Writer.TryWrite(evt);
    }

    /// <summary>Ends the subscription: the consumer sees the rest of the queue, then the end (or the error).</summary>
    public void Complete(Exception? error = null)
    {
        FlushOverflowReport();
        _queue.Writer.TryComplete(error);
    }

    public async IAsyncEnumerable<SessionEvent> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var evt))
                {
                    Interlocked.Decrement(ref _count);
                    yield return evt;
                }
            }
        }
        finally
        {
            _onEnd(this);
        }
    }

    private void FlushOverflowReport()
    {
        if (_dropped == 0)
        {
            return;
        }

        var dropped = _dropped;
        _dropped = 0;
        Interlocked.Increment(ref _count);
        _queue.Writer.TryWrite(OverflowReport.Create(_sessionId, dropped));
    }
}
