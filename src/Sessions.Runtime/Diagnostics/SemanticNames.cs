namespace Sessions.Diagnostics;

/// <summary>Span and metric attribute names; the OpenTelemetry GenAI semantic conventions' names where one fits.</summary>
internal static class SemanticNames
{
    public const string ConversationId = "gen_ai.conversation.id";
    public const string AgentId = "gen_ai.agent.id";
    public const string OperationName = "gen_ai.operation.name";
    public const string ToolName = "gen_ai.tool.name";
    public const string ToolCallId = "gen_ai.tool.call.id";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";
    public const string Approved = "sessions.approval.approved";
    public const string MessageCount = "sessions.message.count";
    public const string ReconnectAttempts = "sessions.reconnect.attempts";
    public const string DropReason = "sessions.reconnect.cause";

    /// <summary>The GenAI operation name for a turn: the agent is invoked.</summary>
    public const string InvokeAgent = "invoke_agent";
}
