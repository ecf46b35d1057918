using System;

namespace Sessions;

/// <summary>A change of <see cref="Session.State"/>.</summary>
public sealed class SessionStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="previous">The state before.</param>
    /// <param name="current">The state now.</param>
    public SessionStateChangedEventArgs(SessionState previous, SessionState current)
    {
        Previous = previous;
        Current = current;
    }

    /// <summary>The state before the change.</summary>
    public SessionState Previous { get; }

    /// <summary>The state after the change.</summary>
    public SessionState Current { get; }
}
