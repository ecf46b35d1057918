using System;
using System.Net.WebSockets;

namespace Sessions.Connection;

/// <summary>How a connection ended.</summary>
/// <param name="ByClient">True when this side closed it (disconnect, terminate, dispose).</param>
/// <param name="Status">The close status the engine sent, if any.</param>
/// <param name="Description">The close description the engine sent, if any.</param>
/// <param name="Error">The failure that ended it, if any.</param>
internal sealed record ConnectionClosed(bool ByClient, WebSocketCloseStatus? Status, string? Description, Exception? Error)
{
    /// <summary>The engine's close code for a terminated session.</summary>
    public const int TerminatedStatus = Protocol.ProtocolFacts.SessionTerminatedCloseStatus;

    public bool IsTerminated => (int?)Status == TerminatedStatus;

    public bool IsPolicyViolation => Status == WebSocketCloseStatus.PolicyViolation;

    /// <summary>True when this side closed it (1009) because the engine sent a frame over <c>MaxFrameBytes</c>.</summary>
    public bool FrameTooBig { get; init; }

    public string Reason => Error?.Message ?? (Status is { } status ? $"closed with {(int)status} {Description}" : "closed");
}
