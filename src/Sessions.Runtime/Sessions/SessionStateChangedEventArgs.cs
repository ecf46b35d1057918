using System;

namespace Sessions;

/// <summary>A change of <see cref="Session.State"/>.</summary>
public sealed class SessionStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="previous">The state before.</param>
    /// <param name="current">The state now.</param>
    public SessionStateChangedEventArgs(SessionState previous, SessionState current)
        : this(previous, current, null)
    {
    }

    /// <summary>Creates the arguments of a change that something went wrong to cause.</summary>
    /// <param name="previous">The state before.</param>
    /// <param name="current">The state now.</param>
    /// <param name="cause">Why, when the session did not ask for it (a drop, a refusal, giving up); null otherwise.</param>
    public SessionStateChangedEventArgs(SessionState previous, SessionState current, Exception? cause)
    {
        Previous = previous;
        Current = current;
        Cause = cause;
    }

    /// <summary>The state before the change.</summary>
    public SessionState Previous { get; }

    /// <summary>The state after the change.</summary>
    public SessionState Current { get; }

    /// <summary>
    /// Why the state changed, when the application did not ask for it: the drop that started
    /// <see cref="SessionState.Reconnecting"/>, the error that left the session <see cref="SessionState.Disconnected"/>
    /// (a connect that failed, a reconnect refused or given up, a close with no reconnect policy), or the engine's end of
    /// a session it <see cref="SessionState.Terminated"/>. Null for a change the application made (connect, disconnect,
    /// terminate, dispose) and for a reconnect that succeeded. The same exception listeners and pending calls end with.
    /// </summary>
    public Exception? Cause { get; }
}
