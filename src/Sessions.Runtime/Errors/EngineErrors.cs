using Sessions.Serialization;

namespace Sessions;

/// <summary>Maps the engine's <c>error</c> events to exceptions by their code (the schema's <see cref="ErrorCode"/>).</summary>
internal static class EngineErrors
{
    public static SessionException ToException(ErrorEvent error)
    {
        var message = error.Data.Error;
        var code = error.Data.Code;
#pragma warning disable CS8524 // KindOf returns named members only.
        return KindOf(ErrorCodeJsonConverter.FromWireName(code)) switch
#pragma warning restore CS8524
        {
            EngineErrorKind.Authentication => new SessionAuthenticationException(message),
            EngineErrorKind.Permission => new SessionPermissionException(message),
            EngineErrorKind.NotFound => new SessionNotFoundException(message, code),
            EngineErrorKind.File => new SessionFileException(message, fileName: null, code),
            EngineErrorKind.Refused or EngineErrorKind.Other => new SessionException(message, code),
        };
    }

    /// <summary>
    /// What each code means to the client. Every member of the schema's enum has an arm and there is no discard: a code
    /// added to the schema fails this build (CS8509) until the client decides what it means.
    /// </summary>
    public static EngineErrorKind KindOf(ErrorCode code)
    {
#pragma warning disable CS8524 // Values outside the named members cannot come from FromWireName.
        return code switch
#pragma warning restore CS8524
        {
            ErrorCode.Unknown => EngineErrorKind.Other,
            ErrorCode.Unauthorized => EngineErrorKind.Authentication,
            ErrorCode.Forbidden => EngineErrorKind.Permission,
            ErrorCode.NotFound or ErrorCode.SessionTerminated => EngineErrorKind.NotFound,
            ErrorCode.InvalidJson or ErrorCode.InvalidFrame or ErrorCode.UnknownType or ErrorCode.NotAttached
                or ErrorCode.AlreadyAttached or ErrorCode.InvalidRequest or ErrorCode.WebsocketRequired
                or ErrorCode.UnknownApproval or ErrorCode.ApprovalAlreadyAnswered
                or ErrorCode.AgentError or ErrorCode.AgentFailed => EngineErrorKind.Refused,
            ErrorCode.FileTooLarge or ErrorCode.MessageTooLarge or ErrorCode.EmptyFile or ErrorCode.UploadIncomplete
                or ErrorCode.UnknownFile => EngineErrorKind.File,
        };
    }
}

/// <summary>The client's reading of an engine error code.</summary>
internal enum EngineErrorKind
{
    /// <summary>A code this version does not know (an agent's own, or a newer engine's): a plain <see cref="SessionException"/> with the code kept.</summary>
    Other,

    /// <summary>The API key was refused: <see cref="SessionAuthenticationException"/>.</summary>
    Authentication,

    /// <summary>The key may not use the session: <see cref="SessionPermissionException"/>.</summary>
    Permission,

    /// <summary>No such session, or it was terminated: <see cref="SessionNotFoundException"/>.</summary>
    NotFound,

    /// <summary>
    /// A known code with no exception type of its own: a malformed or out-of-order frame, a refused approval answer (the
    /// answer's call turns it into <see cref="ApprovalAnswerException"/>), a failed turn. <see cref="SessionException"/> with the code.
    /// </summary>
    Refused,

    /// <summary>The engine refused a posted message's files: <see cref="SessionFileException"/>; nothing was posted.</summary>
    File,
}
