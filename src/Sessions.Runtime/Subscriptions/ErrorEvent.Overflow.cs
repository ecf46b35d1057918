namespace Sessions;

/// <content>Where a listener's overflow gap is.</content>
public sealed partial record ErrorEvent
{
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
