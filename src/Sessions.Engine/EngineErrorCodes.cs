namespace Sessions.Engine;

/// <summary>
/// The wire names of <see cref="ErrorCode"/>, the schema's enum of the <c>code</c> values the engine sends, as constants:
/// for agents that fail a turn (<see cref="AgentTurn.FailAsync"/> takes a code string, so that an agent can send a
/// code of its own) and for tests. The engine itself sends through the enum; a test keeps these equal to it.
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

    /// <summary>No session with this id is visible to this API key (another key's session gets the same answer as a random id).</summary>
    public const string NotFound = "not_found";

    /// <summary>The session was terminated and cannot be resumed.</summary>
    public const string SessionTerminated = "session_terminated";

    /// <summary>The API key may not use this session. Kept in the schema for clients; this engine answers another key's session with <see cref="NotFound"/>.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>No pending approval has this <c>approval_id</c>.</summary>
    public const string UnknownApproval = "unknown_approval";

    /// <summary>This approval was answered already with the other decision (the same decision again is acknowledged as a repeat).</summary>
    public const string ApprovalAlreadyAnswered = "approval_already_answered";

    /// <summary>The agent failed the turn on purpose (the scripted agent's <c>fail</c>).</summary>
    public const string AgentError = "agent_error";

    /// <summary>The agent threw while running the turn.</summary>
    public const string AgentFailed = "agent_failed";

    /// <summary>Missing or invalid API key (HTTP 401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>An HTTP request's parameters are not valid (HTTP 400), for example a negative <c>after_seq</c>.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The session address takes WebSocket upgrades only (HTTP 400).</summary>
    public const string WebsocketRequired = "websocket_required";

    /// <summary>A file is larger than <see cref="LocalEngineOptions.MaxFileBytes"/> (HTTP 413 for an upload; an <c>error</c> event for an inline file of a post).</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>The files of one posted message add up to more than <see cref="LocalEngineOptions.MaxMessageBytes"/> (an <c>error</c> event; nothing is posted).</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>An upload has no bytes (HTTP 400).</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The upload's body ended before its <c>Content-Length</c>, or could not be read (HTTP 400; nothing is stored).</summary>
    public const string UploadIncomplete = "upload_incomplete";

    /// <summary>A <c>file_id</c> that this session does not hold (HTTP 404, or an <c>error</c> event for a post).</summary>
    public const string UnknownFile = "unknown_file";
}
