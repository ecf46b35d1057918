using Sessions.Serialization;

namespace Sessions;

/// <summary>Maps the engine's <c>error</c> events to exceptions by their code (the schema's <see cref="ErrorCode"/>).</summary>
internal static class EngineErrors
{
    public static SessionException ToException(ErrorEvent error)
    {
        var message = error.Data.Error;
        var code = error.Data.Code;
        return KindOf(ErrorCodeJsonConverter.FromWireName(code)) switch
        {
            EngineErrorKind.Authentication => new SessionAuthenticationException(message),
            EngineErrorKind.Permission => new SessionPermissionException(message),
            EngineErrorKind.NotFound => new SessionNotFoundException(message, code),
            EngineErrorKind.File => new SessionFileException(message, fileName: null, code),
            _ => new SessionException(message, code),
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
                or ErrorCode.AlreadyAttached or ErrorCode.InvalidRequest or ErrorCode.WebsocketRequired => EngineErrorKind.BadRequest,
            ErrorCode.UnknownApproval or ErrorCode.ApprovalAlreadyAnswered => EngineErrorKind.Approval,
            ErrorCode.AgentError or ErrorCode.AgentFailed => EngineErrorKind.Turn,
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

    /// <summary>The engine refused a frame or request as malformed or out of order: <see cref="SessionException"/> with the code.</summary>
    BadRequest,

    /// <summary>An approval answer was refused: <see cref="SessionException"/> with the code.</summary>
    Approval,

    /// <summary>The agent failed a turn: <see cref="SessionException"/> with the code.</summary>
    Turn,

    /// <summary>The engine refused a posted message's files: <see cref="SessionFileException"/>; nothing was posted.</summary>
    File,
}
