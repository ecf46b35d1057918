using System;
using System.Net.WebSockets;

namespace Sessions.Engine.Transport;

/// <summary>One item of a connection's send queue: an event frame, a frame a fault injects, or the close frame.</summary>
internal readonly record struct OutgoingFrame(OutgoingFrameKind Kind, ReadOnlyMemory<byte> Utf8, WebSocketCloseStatus CloseStatus = default, string? CloseDescription = null)
{
    public static OutgoingFrame Event(ReadOnlyMemory<byte> utf8) => new(OutgoingFrameKind.Event, utf8);

    public static OutgoingFrame Close(WebSocketCloseStatus status, string description) => new(OutgoingFrameKind.Close, default, status, description);
}

/// <summary>What an <see cref="OutgoingFrame"/> is.</summary>
internal enum OutgoingFrameKind
{
    /// <summary>A serialised event (counted by the drop fault).</summary>
    Event,

    /// <summary>The close frame; nothing is sent after it.</summary>
    Close,
}
