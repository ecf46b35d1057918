using System;
using System.Net;

namespace Sessions;

/// <summary>
/// Base of every error the session runtime raises. Messages never contain the API key.
/// </summary>
public class SessionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionException(string message, string? code = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The engine's machine-readable error code (for example <c>not_found</c>), when there is one.</summary>
    public string? Code { get; }

    /// <summary>The HTTP status of the failed request, when the error came from one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The HTTP method of the failed request (GET, or the WebSocket upgrade's GET).</summary>
    public string? Method { get; init; }

    /// <summary>The endpoint of the failed request, without query string.</summary>
    public string? Endpoint { get; init; }
}

/// <summary>The connection to the engine was lost, or the session is not connected.</summary>
public class SessionDisconnectedException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionDisconnectedException(string message, Exception? innerException = null)
        : base(message, "disconnected", innerException)
    {
    }
}

/// <summary>The engine refused the API key (HTTP 401). Never retried.</summary>
public sealed class SessionAuthenticationException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionAuthenticationException(string message, Exception? innerException = null)
        : base(message, "unauthorized", innerException)
    {
    }
}

/// <summary>The API key is valid but may not use this session (HTTP 403). Never retried.</summary>
public sealed class SessionPermissionException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionPermissionException(string message, Exception? innerException = null)
        : base(message, "forbidden", innerException)
    {
    }
}

/// <summary>The session does not exist, or was terminated (HTTP 404).</summary>
public sealed class SessionNotFoundException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionNotFoundException(string message, string? code = "not_found", Exception? innerException = null)
        : base(message, code, innerException)
    {
    }
}

/// <summary>The engine did not answer in time.</summary>
public sealed class SessionTimeoutException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionTimeoutException(string message, Exception? innerException = null)
        : base(message, "timeout", innerException)
    {
    }
}

/// <summary>
/// A one-turn run (<see cref="Agent.RunAsync"/>) stopped because the agent needs the user: an approval
/// or a re-authorisation. <see cref="Event"/> is the request; answer it on a session to go on.
/// </summary>
public sealed class SessionActionRequiredException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionActionRequiredException(string message, SessionEvent @event, string sessionId)
        : base(message, "action_required")
    {
        Event = @event;
        SessionId = sessionId;
    }

    /// <summary>The <see cref="ApprovalRequestEvent"/> or <see cref="ReauthRequestEvent"/> that stopped the run.</summary>
    public SessionEvent Event { get; }

    /// <summary>The session the run used; resume it to answer.</summary>
    public string SessionId { get; }
}

/// <summary>
/// The engine refused an answer to an approval request: another answer was taken already (<c>approval_already_answered</c>),
/// or no pending approval has that id (<c>unknown_approval</c>). <see cref="SessionException.Code"/> says which.
/// </summary>
public sealed class ApprovalAnswerException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public ApprovalAnswerException(string message, string? code, string approvalId)
        : base(message, code)
    {
        ApprovalId = approvalId;
    }

    /// <summary>The approval the refused answer was for.</summary>
    public string ApprovalId { get; }

    internal static ApprovalAnswerException From(ErrorEvent error, string approvalId)
        => new("The engine refused the answer to approval " + approvalId + ": " + error.Data.Error, error.Data.Code, approvalId);
}
