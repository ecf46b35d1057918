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

        // The token the socket is aborted by, registered by ReceiveAsync when it first sees it (and again only if the
        // token changes). The receive loop passes one token for the connection's lifetime, so this is one registration
        // per connection, where handing the token to the socket costs a registration and its removal per receive.
        private CancellationToken _registeredToken;
        private CancellationTokenRegistration _abortOnCancel;

        public WebSocketTransportConnection(ClientWebSocket socket, int maxFrameBytes)
        {
            _socket = socket;
            _reader = new WebSocketMessageReader(socket, maxFrameBytes);
        }

        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
            => _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

        public ValueTask<TransportMessage> ReceiveAsync(CancellationToken cancellationToken)
        {
            if (cancellationToken != _registeredToken)
            {
                _abortOnCancel.Dispose();
                _registeredToken = cancellationToken;
                _abortOnCancel = cancellationToken.UnsafeRegister(static socket => ((ClientWebSocket)socket!).Abort(), _socket);
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Mapped without a second async state machine when the reader has the message already (the common case
            // under load); only a receive that waits pays for one.
            var pending = _reader.ReceiveAsync(CancellationToken.None);
            return pending.IsCompletedSuccessfully ? new ValueTask<TransportMessage>(ToMessage(pending.Result)) : AwaitAsync(pending, cancellationToken);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private static async ValueTask<TransportMessage> AwaitAsync(ValueTask<ReceivedFrame> pending, CancellationToken cancellationToken)
        {
            try
            {
                return ToMessage(await pending.ConfigureAwait(false));
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested && !(exception is OperationCanceledException cancelled && cancelled.CancellationToken == cancellationToken))
            {
                // The abort the token caused (the socket reports it with its own exception, or a cancellation without
                // this token), reported as the cancellation of this token it was.
                throw new OperationCanceledException("The receive was cancelled.", exception, cancellationToken);
            }
        }

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
            _abortOnCancel.Dispose();
            _socket.Dispose();

            // The reader's pooled buffer goes back only after the socket is gone, so no receive can still write into it.
            _reader.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
