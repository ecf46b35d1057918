namespace Sessions;

/// <summary>Maps the engine's <c>error</c> events to exceptions by their code.</summary>
internal static class EngineErrors
{
    public static SessionException ToException(ErrorEvent error) => error.Data.Code switch
    {
        "unauthorized" => new SessionAuthenticationException(error.Data.Error),
        "forbidden" => new SessionPermissionException(error.Data.Error),
        "not_found" or "session_terminated" => new SessionNotFoundException(error.Data.Error, error.Data.Code),
        _ => new SessionException(error.Data.Error, error.Data.Code),
    };
}
