namespace Sessions;

/// <summary>Where a <see cref="Session"/> is in its life.</summary>
public enum SessionState
{
    /// <summary>Made, never connected.</summary>
    Created,

    /// <summary>Opening the socket and creating or resuming the session.</summary>
    Connecting,

    /// <summary>Connected: events flow, sends go out.</summary>
    Connected,

    /// <summary>The socket dropped; reconnecting per the reconnect policy. Sends wait.</summary>
    Reconnecting,

    /// <summary>Detached from the engine; the session still exists there and can be resumed.</summary>
    Disconnected,

    /// <summary>Destroyed on the engine; it cannot be resumed.</summary>
    Terminated,

    /// <summary>Disposed.</summary>
    Disposed,
}
