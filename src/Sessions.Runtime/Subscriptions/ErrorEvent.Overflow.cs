namespace Sessions;

/// <content>What the synthetic overflow error of a listener carries: how many events it dropped, and where.</content>
public sealed partial record ErrorEvent
{
    /// <summary>
    /// On the synthetic <c>subscriber queue overflow</c> error that <see cref="Session.ListenAsync(System.Collections.Generic.IEnumerable{SessionEventType}?, int, System.Threading.CancellationToken)"/>
    /// delivers where its queue overflowed: how many events were dropped there. Null on errors from the engine.
    /// </summary>
    public long? DroppedEvents { get; init; }

    /// <summary>True for the synthetic error of a subscriber whose queue overflowed.</summary>
    public bool IsQueueOverflow => DroppedEvents is not null;

    /// <summary>On the synthetic overflow error: the <c>seq</c> of the first event dropped in this gap, when it had one.</summary>
    public long? FirstDroppedSeq { get; init; }

    /// <summary>On the synthetic overflow error: the <c>seq</c> of the last event dropped in this gap, when it had one.</summary>
    public long? LastDroppedSeq { get; init; }

    /// <summary>
    /// On the synthetic overflow error: true when every event dropped in this gap was a transient kind
    /// (<c>message_delta</c>, <c>thinking</c>, <c>participant_status</c>), which is always so unless the listener stopped
    /// reading for thousands of turns; the <c>message_complete</c> that follows carries the whole text.
    /// </summary>
    public bool OnlyTransientDropped { get; init; }
}
