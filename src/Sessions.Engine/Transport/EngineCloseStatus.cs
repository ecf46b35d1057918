using System.Net.WebSockets;

namespace Sessions.Engine;

/// <summary>The WebSocket close statuses the engine uses, beyond the standard ones it names here too.</summary>
public static class EngineCloseStatus
{
    /// <summary>4001: the session was terminated (by <c>terminate_session</c>); it cannot be resumed.</summary>
    public const WebSocketCloseStatus SessionTerminated = (WebSocketCloseStatus)global::Sessions.Protocol.ProtocolFacts.SessionTerminatedCloseStatus;

    /// <summary>The close description sent with <see cref="SessionTerminated"/>.</summary>
    public const string SessionTerminatedDescription = global::Sessions.Protocol.ProtocolFacts.SessionTerminatedCloseDescription;

    /// <summary>1009: a client frame exceeded the engine's frame limit.</summary>
    public const WebSocketCloseStatus FrameTooBig = WebSocketCloseStatus.MessageTooBig;

    /// <summary>1001: the engine is stopping.</summary>
    public const WebSocketCloseStatus EngineStopping = WebSocketCloseStatus.EndpointUnavailable;
}
