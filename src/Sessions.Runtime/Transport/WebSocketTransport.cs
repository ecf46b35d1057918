using System;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Connection;
using Sessions.Credentials;
using Sessions.Framing;

namespace Sessions.Transport;

/// <summary>
/// The default transport: a <see cref="ClientWebSocket"/> to the engine's session socket, configured by
/// <see cref="SessionClientOptions.ConfigureWebSocket"/>, with a bearer token from the client's credential in the
/// Authorization header (asked on every open, so each reconnect attempt gets a current token; a 401 asks once more).
/// </summary>
internal sealed class WebSocketTransport : ISessionTransport, ISessionAwareTransport
{
    private readonly Uri _address;
    private readonly EngineAuthorization _authorization;
    private readonly Action<ClientWebSocketOptions>? _configure;
    private readonly int _maxFrameBytes;

    public WebSocketTransport(Uri address, EngineAuthorization authorization, Action<ClientWebSocketOptions>? configure, int maxFrameBytes)
    {
        _address = address;
        _authorization = authorization;
        _configure = configure;
        _maxFrameBytes = maxFrameBytes;
    }

    public ValueTask<ISessionTransportConnection> ConnectAsync(CancellationToken cancellationToken) => ConnectAsync(null, cancellationToken);

    public async ValueTask<ISessionTransportConnection> ConnectAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var socket = await _authorization.RunAsync(
            SessionTokenPurpose.WebSocket,
            sessionId,
            header => WebSocketEndpoint.OpenAsync(_address, header, _configure, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new WebSocketTransportConnection(socket, _maxFrameBytes);
    }

    private sealed class WebSocketTransportConnection : ISessionTransportConnection
    {
        private readonly ClientWebSocket _socket;
        private readonly WebSocketMessageReader _reader;

        public WebSocketTransportConnection(ClientWebSocket socket, int maxFrameBytes)
        {
            _socket = socket;
            _reader = new WebSocketMessageReader(socket, maxFrameBytes);
        }

        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
            => _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        public ValueTask<TransportMessage> ReceiveAsync(CancellationToken cancellationToken)
        {
            // Mapped without a second async state machine when the reader has the message already (the common case
            // under load); only a receive that waits pays for one.
            var pending = _reader.ReceiveAsync(cancellationToken);
            return pending.IsCompletedSuccessfully ? new ValueTask<TransportMessage>(ToMessage(pending.Result)) : AwaitAsync(pending);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private static async ValueTask<TransportMessage> AwaitAsync(ValueTask<ReceivedFrame> pending)
            => ToMessage(await pending.ConfigureAwait(false));

        private static TransportMessage ToMessage(ReceivedFrame frame) => frame.Kind switch
        {
            ReceivedFrameKind.Text => TransportMessage.Text(frame.Utf8),
            ReceivedFrameKind.Binary => TransportMessage.Binary(frame.Utf8),
            ReceivedFrameKind.TooBig => TransportMessage.TooBig(),
            _ => TransportMessage.Close((int?)frame.CloseStatus, frame.CloseDescription),
        };

        public async ValueTask CloseAsync(int closeStatus, string? description, CancellationToken cancellationToken)
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)closeStatus, description, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Abort() => _socket.Abort();

        public ValueTask DisposeAsync()
        {
            _socket.Dispose();

            // The reader's pooled buffer goes back only after the socket is gone, so no receive can still write into it.
            _reader.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
