using System;
using Microsoft.Extensions.Logging;

namespace Sessions.Diagnostics;

/// <summary>Every log line the runtime writes, with stable event ids. Frame bodies only at Trace; the API key never.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Session {SessionId} connected to {Endpoint}")]
    public static partial void Connected(ILogger logger, string? sessionId, string endpoint);

    [LoggerMessage(2, LogLevel.Information, "Session {SessionId} disconnected")]
    public static partial void Disconnected(ILogger logger, string? sessionId);

    [LoggerMessage(3, LogLevel.Warning, "Session {SessionId} lost its connection ({Reason}); reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string? sessionId, string reason);

    [LoggerMessage(4, LogLevel.Information, "Session {SessionId} reconnected after {Attempts} attempt(s)")]
    public static partial void Reconnected(ILogger logger, string? sessionId, int attempts);

    [LoggerMessage(5, LogLevel.Warning, "Session {SessionId}: reconnect attempt {Attempt} failed")]
    public static partial void ReconnectAttemptFailed(ILogger logger, string? sessionId, int attempt, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Session {SessionId} gave up reconnecting")]
    public static partial void ReconnectGaveUp(ILogger logger, string? sessionId, Exception? exception);

    [LoggerMessage(7, LogLevel.Warning, "Session {SessionId}: bad frame from the engine: {Problem}")]
    public static partial void BadFrame(ILogger logger, string? sessionId, string problem);

    [LoggerMessage(8, LogLevel.Trace, "Session {SessionId} received {Frame}")]
    public static partial void FrameReceived(ILogger logger, string? sessionId, string frame);

    [LoggerMessage(9, LogLevel.Trace, "Session {SessionId} sent {Frame}")]
    public static partial void FrameSent(ILogger logger, string? sessionId, string frame);

    [LoggerMessage(10, LogLevel.Warning, "Session {SessionId}: no frame for {Silence}; the connection is taken as dead")]
    public static partial void DeadPeer(ILogger logger, string? sessionId, TimeSpan silence);

    [LoggerMessage(11, LogLevel.Information, "Session {SessionId} terminated")]
    public static partial void Terminated(ILogger logger, string? sessionId);

    [LoggerMessage(13, LogLevel.Error, "Session {SessionId}: a StateChanged handler failed on the change to {State}")]
    public static partial void StateHandlerFailed(ILogger logger, string? sessionId, SessionState state, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "Session {SessionId}: handing a held event to listeners failed; the connection is ended")]
    public static partial void ListenerFailed(ILogger logger, string? sessionId, Exception exception);

}
