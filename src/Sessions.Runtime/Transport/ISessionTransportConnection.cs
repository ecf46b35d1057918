using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Transport;

/// <summary>
/// One open connection to the engine: whole UTF-8 JSON messages out, whole messages (or the close) in.
/// One reader and one writer at a time: the session never receives from two threads, nor sends from two at once.
/// </summary>
public interface ISessionTransportConnection : IAsyncDisposable
{
    /// <summary>Sends one whole message (one client frame as UTF-8 JSON).</summary>
    /// <param name="utf8Json">The message; the connection does not keep it after the call.</param>
    /// <param name="cancellationToken">Abandons the send; the connection may then be unusable.</param>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>Waits for the next whole message or the peer's close.</summary>
    /// <param name="cancellationToken">Abandons the wait; the connection is then unusable.</param>
    /// <returns>The message; its bytes are valid until the next call.</returns>
    ValueTask<TransportMessage> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Starts this side's close: sends the close status; the peer's answer arrives as a <see cref="TransportMessageKind.Close"/> message.</summary>
    /// <param name="closeStatus">A WebSocket close status (1000 normal, 1009 too big...).</param>
    /// <param name="description">A short reason.</param>
    /// <param name="cancellationToken">Abandons the close.</param>
    ValueTask CloseAsync(int closeStatus, string? description, CancellationToken cancellationToken);

    /// <summary>Ends the connection at once, without a handshake; a pending receive fails.</summary>
    void Abort();
}
