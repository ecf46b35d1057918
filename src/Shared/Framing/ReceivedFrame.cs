using System;
using System.Net.WebSockets;

namespace Sessions.Framing;

/// <summary>What <see cref="WebSocketMessageReader"/> read: a whole message, the peer's close, or the news that a message is too big.</summary>
internal readonly record struct ReceivedFrame(ReceivedFrameKind Kind, ReadOnlyMemory<byte> Utf8 = default, WebSocketCloseStatus? CloseStatus = null, string? CloseDescription = null);

/// <summary>What a <see cref="ReceivedFrame"/> is.</summary>
internal enum ReceivedFrameKind
{
    /// <summary>A whole text message; its bytes are valid until the next receive.</summary>
    Text,

    /// <summary>A whole binary message (the protocol has none).</summary>
    Binary,

    /// <summary>The peer sent its close frame.</summary>
    Close,

    /// <summary>The message grew past the limit; the rest of it is discarded.</summary>
    TooBig,
}
