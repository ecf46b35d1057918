namespace Sessions.Engine;

/// <summary>
/// The <c>code</c> values of the <c>error</c> events the engine sends. Clients branch on these, never on the text.
/// </summary>
public static class EngineErrorCodes
{
    /// <summary>The frame is not JSON (or holds more than one JSON value).</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>The frame is JSON but not a valid frame: not an object, no <c>type</c>, a missing or ill-typed field, a binary frame.</summary>
    public const string InvalidFrame = "invalid_frame";

    /// <summary>The frame's <c>type</c> is not one the engine knows.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>The frame needs a session, but this connection has not sent <c>create_session</c> or <c>connect_session</c>.</summary>
    public const string NotAttached = "not_attached";

    /// <summary>This connection is already attached to a session; open another connection for another session.</summary>
    public const string AlreadyAttached = "already_attached";

    /// <summary>No session has this id.</summary>
    public const string NotFound = "not_found";

    /// <summary>The session was terminated and cannot be resumed.</summary>
    public const string SessionTerminated = "session_terminated";

    /// <summary>The session belongs to another API key. The engine closes the socket with 1008 after this error.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>No pending approval has this <c>approval_id</c>.</summary>
    public const string UnknownApproval = "unknown_approval";

    /// <summary>This approval was answered already.</summary>
    public const string ApprovalAlreadyAnswered = "approval_already_answered";

    /// <summary>The agent failed the turn on purpose (the scripted agent's <c>fail</c>).</summary>
    public const string AgentError = "agent_error";

    /// <summary>The agent threw while running the turn.</summary>
    public const string AgentFailed = "agent_failed";
}
