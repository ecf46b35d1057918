namespace Sessions.Engine;

/// <summary>
/// Error codes as strings, for agents: <see cref="AgentTurn.FailAsync"/> takes a code string so that an agent can send
/// a code of its own, and this is its default. The engine's own codes are the members of <see cref="ErrorCode"/> (the
/// schema's enum), which the engine sends through and clients read through (<see cref="ErrorEventData.ErrorCode"/>).
/// </summary>
public static class EngineErrorCodes
{
    /// <summary>The agent failed the turn on purpose (<see cref="ErrorCode.AgentError"/>; the scripted agent's <c>fail</c>).</summary>
    public const string AgentError = "agent_error";
}
