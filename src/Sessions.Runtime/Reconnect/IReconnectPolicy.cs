using System;

namespace Sessions;

/// <summary>Decides whether, and after how long, a dropped session reconnects.</summary>
/// <remarks>
/// It is never asked after a 401 or 403, after <see cref="Session.TerminateAsync"/>, or after disposal:
/// those end the session for good.
/// </remarks>
public interface IReconnectPolicy
{
    /// <summary>The delay before the next attempt, or null to give up.</summary>
    /// <remarks>
    /// A delay must be between zero and about 49 days (what a timer can wait). A policy that throws, or answers any other
    /// delay, ends the reconnecting: the session becomes <see cref="SessionState.Disconnected"/> with a
    /// <see cref="SessionDisconnectedException"/> that holds the policy's exception.
    /// </remarks>
    /// <param name="context">What has happened so far.</param>
    TimeSpan? NextDelay(ReconnectContext context);
}

/// <summary>What a <see cref="IReconnectPolicy"/> knows when it decides.</summary>
/// <param name="PreviousAttempts">Attempts made since the socket dropped (0 before the first).</param>
/// <param name="Elapsed">Time since the socket dropped.</param>
/// <param name="LastError">Why the socket dropped, or why the last attempt failed.</param>
public readonly record struct ReconnectContext(int PreviousAttempts, TimeSpan Elapsed, Exception? LastError);
