using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Diagnostics;
using Sessions.Subscriptions;

namespace Sessions;

/// <summary>Listening: each call has its own queue; the receive loop never waits for a listener.</summary>
public sealed partial class Session
{
    /// <summary>The default size of a listener's queue, as in the Python SDK.</summary>
    public const int DefaultMaxQueue = 1024;

    /// <summary>
    /// The session's events as they arrive, as their generated subclasses (<see cref="MessageDeltaEvent"/>,
    /// <see cref="ApprovalRequestEvent"/>, ...), until the session disconnects.
    /// </summary>
    /// <param name="eventTypes">Only these kinds, or all when null. The synthetic overflow error always comes through.</param>
    /// <param name="maxQueue">
    /// How many events may wait for this listener; 0 means no limit. When a slow listener lets the queue fill,
    /// further streaming deltas (<c>message_delta</c>, <c>thinking</c>, <c>participant_status</c>) are dropped for it
    /// alone, while every other kind (<c>message_complete</c>, <c>approval_request</c>, <c>reauth_request</c>,
    /// <c>error</c>, ...) still queues; where the gap is it receives one <see cref="ErrorEvent"/> whose
    /// <c>Data.Error</c> is <c>"subscriber queue overflow"</c>, whose <see cref="ErrorEvent.DroppedEvents"/> says how
    /// many were lost and whose <see cref="ErrorEvent.FirstDroppedSeq"/>/<see cref="ErrorEvent.LastDroppedSeq"/> say
    /// which. Other listeners lose nothing.
    /// </param>
    /// <param name="cancellationToken">Ends the listening (the enumeration stops without an exception).</param>
    /// <remarks>
    /// The listener is registered when this method returns, before the first <c>MoveNextAsync</c>: an event
    /// that arrives between <c>ListenAsync</c> and a following <see cref="SendAsync(string, CancellationToken)"/>
    /// is not missed. The enumeration ends when the session disconnects or terminates; it throws
    /// <see cref="SessionDisconnectedException"/> when the connection is lost for good (reconnecting gave up).
    /// </remarks>
    public IAsyncEnumerable<SessionEvent> ListenAsync(IEnumerable<SessionEventType>? eventTypes = null, int maxQueue = DefaultMaxQueue, CancellationToken cancellationToken = default)
    {
        var kinds = eventTypes?.ToHashSet();
        Func<SessionEvent, bool>? filter = kinds is null ? null : e => kinds.Contains(e.Type) || e is ErrorEvent { IsQueueOverflow: true };
        return new SubscriptionStream(Subscribe(filter, maxQueue), cancellationToken);
    }

    /// <summary>Only the events of one kind, for example <c>ListenAsync&lt;MessageDeltaEvent&gt;()</c>.</summary>
    /// <typeparam name="TEvent">The generated event subclass.</typeparam>
    /// <param name="cancellationToken">Ends the listening.</param>
    /// <remarks>Registered when this method returns, like the untyped form. Its queue has no limit, so nothing is dropped for it; read it promptly.</remarks>
    public IAsyncEnumerable<TEvent> ListenAsync<TEvent>(CancellationToken cancellationToken = default)
        where TEvent : SessionEvent
        => OfType<TEvent>(new SubscriptionStream(Subscribe(e => e is TEvent, 0), cancellationToken), CancellationToken.None);

    private static async IAsyncEnumerable<TEvent> OfType<TEvent>(IAsyncEnumerable<SessionEvent> events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TEvent : SessionEvent
    {
        await foreach (var evt in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return (TEvent)evt;
        }
    }

    private Subscription Subscribe(Func<SessionEvent, bool>? filter, int maxQueue)
    {
        var subscription = new Subscription(filter, maxQueue, Unsubscribe, OnDrop);
        lock (_gate)
        {
            if (_state is SessionState.Created or SessionState.Connecting or SessionState.Connected or SessionState.Reconnecting)
            {
                _subscriptions = _subscriptions.Append(subscription).ToArray();
                return subscription;
            }
        }

        // Nothing more will come on a session that has ended: the enumeration ends at once.
        subscription.Complete();
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    private void OnDrop(long dropped)
    {
        SessionsTelemetry.OverflowDrops.Add(dropped);
    }
}
