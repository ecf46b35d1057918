namespace Sessions;

/// <summary>What a token is asked for.</summary>
public enum SessionTokenPurpose
{
    /// <summary>Opening the session WebSocket: a first connect, a resume or a reconnect attempt.</summary>
    WebSocket,

    /// <summary>A history request (<c>GET …/messages</c>).</summary>
    History,

    /// <summary>A file upload (<c>POST …/files</c>) or download (<c>GET …/files/{id}</c>).</summary>
    Files,
}

/// <summary>Why the client asks a <see cref="SessionCredential"/> for a token.</summary>
public readonly record struct SessionTokenContext
{
    /// <summary>A context.</summary>
    /// <param name="purpose">What the token is for.</param>
    /// <param name="sessionId">The session, when it has an id already.</param>
    /// <param name="forceRefresh">True when the engine just refused the token the credential gave (401).</param>
    public SessionTokenContext(SessionTokenPurpose purpose, string? sessionId, bool forceRefresh)
    {
        Purpose = purpose;
        SessionId = sessionId;
        ForceRefresh = forceRefresh;
    }

    /// <summary>What the token is for.</summary>
    public SessionTokenPurpose Purpose { get; }

    /// <summary>The session, when it has an id already.</summary>
    public string? SessionId { get; }

    /// <summary>True when the engine just refused the last token: do not return a cached one.</summary>
    public bool ForceRefresh { get; }
}
