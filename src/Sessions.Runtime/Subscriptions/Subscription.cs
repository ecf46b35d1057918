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
/// Overflow: when the queue holds <c>capacity</c> events, further transient events (<see cref="OverflowPolicy.IsTransient"/>:
/// deltas) are dropped and counted, while every other kind still queues (up to <see cref="OverflowPolicy.HardLimit"/>).
/// One synthetic <see cref="ErrorEvent"/> (code <c>subscriber_queue_overflow</c>) carrying how many were dropped and
/// which seqs then takes the place of the gap: queued before the next event that is queued, or handed to the reader as
/// soon as it has drained the queue, whichever comes first (the gap is taken under a lock, so exactly one of them
/// reports it). Each burst of drops is reported once and in place.
/// </remarks>
internal sealed class Subscription
{
    private readonly Channel<SessionEvent> _queue = Channel.CreateUnbounded<SessionEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SessionEvent, bool>? _filter;
    private readonly int _capacity;
    private readonly int _hardLimit;
    private readonly Action<Subscription> _onEnd;
    private readonly Action<long>? _onDrop;
    private readonly object _gapGate = new();
    private Gap _gap;

    // Mirrors _gap.Dropped != 0 outside the lock, so that the hot path (an event that fits) never takes it.
    private int _hasGap;

    // How many events wait in the queue; kept only when it is bounded (an unbounded queue never drops).
    private int _count;

    public Subscription(Func<SessionEvent, bool>? filter, int capacity, Action<Subscription> onEnd, Action<long>? onDrop)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The queue size must be 0 (unbounded) or more.");
        }

        _filter = filter;
        _capacity = capacity;
        _hardLimit = capacity == 0 ? 0 : OverflowPolicy.HardLimit(capacity);
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

        if (_capacity > 0)
        {
            var count = Volatile.Read(ref _count);
            var transient = OverflowPolicy.IsTransient(evt);
            if (count >= _hardLimit || (transient && count >= _capacity))
            {
                lock (_gapGate)
                {
                    _gap.Add(evt, transient);
                    Volatile.Write(ref _hasGap, 1);
                }

                _onDrop?.Invoke(1);
                return;
            }
        }

        if (_capacity > 0)
        {
            FlushOverflowReport();
            Interlocked.Increment(ref _count);
        }

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
            while (true)
            {
                while (_queue.Reader.TryRead(out var evt))
                {
                    if (_capacity > 0)
                    {
                        Interlocked.Decrement(ref _count);
                    }

                    yield return evt;
                }

                // Drained: a gap that no later event has reported yet is reported now.
                if (TakeReport() is { } report)
                {
                    yield return report;
                    continue;
                }

                // Cancelling ends the listening quietly, as ListenAsync documents: an `await foreach` that a token stops is
                // the normal way out, not a failure for the caller to catch.
                bool more;
                try
                {
                    more = await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    more = false;
                }

                if (!more)
                {
                    break;
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
        if (TakeReport() is not { } report)
        {
            return;
        }

        Interlocked.Increment(ref _count);
        _queue.Writer.TryWrite(report);
    }

    private ErrorEvent? TakeReport()
    {
        if (Volatile.Read(ref _hasGap) == 0)
        {
            return null;
        }

        Gap gap;
        lock (_gapGate)
        {
            if (_gap.Dropped == 0)
            {
                return null;
            }

            gap = _gap;
            _gap = default;
            Volatile.Write(ref _hasGap, 0);
        }

        return ClientReports.Overflow(gap.SessionId ?? string.Empty, gap.Dropped) with
        {
            MessageId = gap.SingleMessage ? gap.MessageId : null,
            FirstDroppedSeq = gap.FirstSeq,
            LastDroppedSeq = gap.LastSeq,
            OnlyTransientDropped = !gap.KeptKindDropped,
        };
    }

    /// <summary>One burst of drops not reported yet: how many, which seqs, which message.</summary>
    private struct Gap
    {
        public long Dropped;
        public string? SessionId;
        public long? FirstSeq;
        public long? LastSeq;
        public string? MessageId;
        public bool SingleMessage;
        public bool KeptKindDropped;

        public void Add(SessionEvent evt, bool transient)
        {
            if (Dropped++ == 0)
            {
                SessionId = evt.SessionId;
                MessageId = evt.MessageId;
                SingleMessage = true;
            }
            else if (!string.Equals(MessageId, evt.MessageId, StringComparison.Ordinal))
            {
                SingleMessage = false;
            }

            if (evt.Seq is { } seq)
            {
                FirstSeq ??= seq;
                LastSeq = seq;
            }

            KeptKindDropped |= !transient;
        }
    }
}
