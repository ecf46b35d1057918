namespace Sessions.Subscriptions;

/// <summary>Which events a listener that fell behind may lose, and how far beyond its bound the others may queue.</summary>
/// <remarks>
/// Only transient, high-volume kinds are ever dropped at the bound, each superseded by what follows it:
/// <c>message_delta</c> (the <c>message_complete</c> that ends the message carries its whole text),
/// <c>thinking</c> (a summary of the agent's current reasoning, replaced by the next) and <c>participant_status</c>
/// (a typing indicator, replaced by the next). Everything else (<c>message_complete</c>, <c>approval_request</c>,
/// <c>reauth_request</c>, <c>error</c>, tool calls and results, session answers, and kinds this version does not know)
/// queues beyond the bound: a turn has a handful of them, and a reader cannot do without them.
/// </remarks>
internal static class OverflowPolicy
{
    /// <summary>
    /// How many events a bounded queue may hold in all, kept kinds beyond the bound included, as a multiple of the bound
    /// (with a floor for tiny bounds). A safety ceiling on memory for a listener that stops reading for good while
    /// the session streams on: reaching it takes thousands of turns' worth of kept events, and past it every kind is
    /// dropped and reported like deltas.
    /// </summary>
    public static int HardLimit(int capacity) => capacity + System.Math.Max(7 * capacity, 64);

    public static bool IsTransient(SessionEvent evt) => evt is MessageDeltaEvent or ThinkingEvent or ParticipantStatusEvent;
}
