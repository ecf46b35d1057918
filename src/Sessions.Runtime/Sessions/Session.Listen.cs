using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Diagnostics;
using Sessions.Subscriptions;

namespace Sessions;

/// <summary>Listening: each call has its own queue; the receive loop never waits for a listener.</summary>
public partial class Session
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
    /// that arrives between <c>ListenAsync</c> and a following <see cref="SendAsync(UserSessionMessage, CancellationToken)"/>
    /// is not missed. The enumeration ends when the session disconnects or terminates; it throws
    /// <see cref="SessionDisconnectedException"/> when the connection is lost for good (reconnecting gave up).
    /// </remarks>
    public virtual IAsyncEnumerable<SessionEvent> ListenAsync(IEnumerable<SessionEventType>? eventTypes = null, int maxQueue = DefaultMaxQueue, CancellationToken cancellationToken = default)
    {
        var kinds = eventTypes?.ToHashSet();
        Func<SessionEvent, bool>? filter = kinds is null ? null : e => kinds.Contains(e.Type) || e is ErrorEvent { IsQueueOverflow: true };
        return new SubscriptionStream(Core.Subscribe(filter, maxQueue), cancellationToken);
    }

    /// <summary>Only the events of one kind, for example <c>ListenAsync&lt;MessageDeltaEvent&gt;()</c>.</summary>
    /// <typeparam name="TEvent">The generated event subclass.</typeparam>
    /// <param name="maxQueue">How many events may wait for this listener, as for the untyped form; 0 means no limit.
    /// When the queue overflows, the events lost are dropped for this listener (its overflow report is not a
    /// <typeparamref name="TEvent"/>, so it does not appear here).</param>
    /// <param name="cancellationToken">Ends the listening.</param>
    /// <remarks>Registered when this method returns, like the untyped form.</remarks>
    public virtual IAsyncEnumerable<TEvent> ListenAsync<TEvent>(int maxQueue = DefaultMaxQueue, CancellationToken cancellationToken = default)
        where TEvent : SessionEvent
        => OfType<TEvent>(new SubscriptionStream(Core.Subscribe(e => e is TEvent, maxQueue), cancellationToken), CancellationToken.None);

    private static async IAsyncEnumerable<TEvent> OfType<TEvent>(IAsyncEnumerable<SessionEvent> events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TEvent : SessionEvent
    {
        await foreach (var evt in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // The subscription's own overflow report is the one event here that is not a TEvent.
            if (evt is TEvent typed)
            {
                yield return typed;
            }
        }
    }
}
