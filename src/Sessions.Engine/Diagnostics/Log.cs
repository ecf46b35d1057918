using System;
using Microsoft.Extensions.Logging;

namespace Sessions.Engine.Diagnostics;

/// <summary>
/// Every log line of the engine, source-generated (no boxing, no parsing at run time). None takes an API key:
/// connections are named by a counter, sessions by their id.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Engine listening on {Address}")]
    public static partial void EngineStarted(ILogger logger, Uri address);

    [LoggerMessage(2, LogLevel.Warning, "Engine shutdown failed")]
    public static partial void ShutdownFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "{Count} turn(s) ignored cancellation and outlived shutdown")]
    public static partial void TurnsOutlivedShutdown(ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Information, "Session {SessionId} created")]
    public static partial void SessionCreated(ILogger logger, string sessionId);

    [LoggerMessage(11, LogLevel.Information, "Session {SessionId} terminated")]
    public static partial void SessionTerminated(ILogger logger, string sessionId);

    [LoggerMessage(12, LogLevel.Debug, "Connection {ConnectionId} resumed session {SessionId} after seq {LastSeq}")]
    public static partial void SessionResumed(ILogger logger, string connectionId, string sessionId, long lastSeq);

    [LoggerMessage(20, LogLevel.Debug, "Session {SessionId}: turn {MessageId} started with {Count} message(s)")]
    public static partial void TurnStarted(ILogger logger, string sessionId, string messageId, int count);

    [LoggerMessage(21, LogLevel.Warning, "Session {SessionId}: the agent failed turn {MessageId}")]
    public static partial void AgentFailed(ILogger logger, Exception exception, string sessionId, string messageId);

    [LoggerMessage(22, LogLevel.Error, "Session {SessionId}: the turn loop failed; the session takes no more turns")]
    public static partial void TurnLoopFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(30, LogLevel.Debug, "Connection {ConnectionId} opened")]
    public static partial void ConnectionOpened(ILogger logger, string connectionId);

    [LoggerMessage(31, LogLevel.Debug, "Connection {ConnectionId} ended ({How})")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId, string how);

    [LoggerMessage(32, LogLevel.Debug, "Connection {ConnectionId}: frame refused ({Code})")]
    public static partial void FrameRejected(ILogger logger, string connectionId, string code);

    [LoggerMessage(33, LogLevel.Information, "Connection {ConnectionId}: frame over {MaxFrameBytes} bytes, closing with 1009")]
    public static partial void FrameTooBig(ILogger logger, string connectionId, int maxFrameBytes);

    [LoggerMessage(34, LogLevel.Debug, "Connection {ConnectionId}: receive loop ended ({Reason})")]
    public static partial void ReceiveEnded(ILogger logger, string connectionId, string reason);

    [LoggerMessage(36, LogLevel.Error, "Connection {ConnectionId}: receive loop failed")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(35, LogLevel.Debug, "Connection {ConnectionId}: send failed ({Reason})")]
    public static partial void SendFailed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(40, LogLevel.Information, "Connection {ConnectionId}: fault injected ({Fault})")]
    public static partial void FaultInjected(ILogger logger, string connectionId, string fault);
}
