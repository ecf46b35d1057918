using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Diagnostics;
using Sessions.Serialization;

namespace Sessions.Connection;

/// <summary>
/// One WebSocket to the engine: one receive loop that decodes frames and hands them on without waiting
/// for anyone, one send lock, the requests that await an answer, and keep-alive. It never reconnects;
/// its owner (<see cref="Session"/>) decides that when it reports that it closed.
/// </summary>
internal sealed class SessionConnection : IAsyncDisposable
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private readonly ClientWebSocket _socket;
    private readonly IConnectionListener _listener;
    private readonly SessionClientOptions _options;
    private readonly ILogger _logger;
    private readonly Func<string?> _sessionId;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly Utf8JsonWriter _sendWriter;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly PendingRequests _pending = new();
    private readonly ITimer? _keepAlive;
    private readonly Task _receiveLoop;
    private long _lastReceived;
    private int _closingByClient;
    private long _pings;
    private bool _refusedTooBig;

    private SessionConnection(ClientWebSocket socket, IConnectionListener listener, SessionClientOptions options, ILogger logger, Func<string?> sessionId)
    {
        _socket = socket;
        _listener = listener;
        _options = options;
        _logger = logger;
        _sessionId = sessionId;
        _sendWriter = new Utf8JsonWriter(_sendBuffer);
        _lastReceived = options.TimeProvider.GetTimestamp();
        if (options.KeepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = options.TimeProvider.CreateTimer(_ => KeepAlive(), null, options.KeepAliveInterval, options.KeepAliveInterval);
        }

        SessionsTelemetry.ConnectedSessions.Add(1);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Completes when the receive loop has ended (after the listener heard of the close).</summary>
    public Task Completion => _receiveLoop;

    /// <summary>How the connection ended; set before the listener is told, null while open.</summary>
    public ConnectionClosed? Closed { get; private set; }

    public static async Task<SessionConnection> OpenAsync(
        Uri address,
        Credentials.EngineAuthorization authorization,
        IConnectionListener listener,
        SessionClientOptions options,
        ILogger logger,
        Func<string?> sessionId,
        CancellationToken cancellationToken)
    {
        var socket = await authorization.RunAsync(SessionTokenPurpose.WebSocket, sessionId(), header => WebSocketEndpoint.OpenAsync(address, header, options.ConfigureWebSocket, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new SessionConnection(socket, listener, options, logger, sessionId);
    }

    /// <summary>Sends one frame. The token cancels only the wait for the send lock, never a frame half sent.</summary>
    public async Task SendAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendBuffer.ResetWrittenCount();
            _sendWriter.Reset(_sendBuffer);
            ClientFrameJsonConverter.WriteValue(_sendWriter, SessionsTelemetry.WithTraceContext(frame));
            _sendWriter.Flush();
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Log.FrameSent(_logger, _sessionId(), Encoding.UTF8.GetString(_sendBuffer.WrittenSpan));
            }

            await _socket.SendAsync(_sendBuffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            SessionsTelemetry.FramesSent.Add(1);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            throw new SessionDisconnectedException("The connection closed before the frame was sent.", exception);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a frame and waits for the event that answers it (same request id), or for an error.</summary>
    public async Task<SessionEvent> RequestAsync(ClientFrame frame, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = _pending.Register(frame.RequestId);
        try
        {
            await SendAsync(frame, cancellationToken).ConfigureAwait(false);
            return await answer.WaitAsync(timeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new SessionTimeoutException($"The engine did not answer '{frame.Type}' within {timeout.TotalSeconds:0.###} s.", exception);
        }
        finally
        {
            _pending.Forget(frame.RequestId);
        }
    }

    /// <summary>Closes from this side: sends the close frame and waits, bounded, for the engine's; then aborts.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        Interlocked.Exchange(ref _closingByClient, 1);
        _keepAlive?.Dispose();
        using (var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider))
        {
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    try
                    {
                        await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }

                await _receiveLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The engine did not finish the handshake in time, or the socket had failed: abort below.
            }
        }

        Abort();
        await _receiveLoop.ConfigureAwait(false);
    }

    /// <summary>Marks the coming close as this side's doing (terminate: the engine closes after destroying the session).</summary>
    public void ExpectClose() => Interlocked.Exchange(ref _closingByClient, 1);

    /// <summary>Ends the connection at once, with no handshake. The receive loop reports the close.</summary>
    public void Abort()
    {
        _keepAlive?.Dispose();
        _lifetime.Cancel();
        _socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "disposed").ConfigureAwait(false);
        _socket.Dispose();
        _sendLock.Dispose();
        _lifetime.Dispose();
        await _sendWriter.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        WebSocketCloseStatus? status = null;
        string? description = null;
        Exception? error = null;
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= _options.MaxFrameBytes)
                        {
                            await RefuseOversizeFrameAsync().ConfigureAwait(false);
                            error = new SessionDisconnectedException($"The engine sent a frame over the {_options.MaxFrameBytes}-byte limit; the connection was closed (1009).");
                            return;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxFrameBytes));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var room = Math.Min(buffer.Length, _options.MaxFrameBytes) - length;
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length, room), _lifetime.Token).ConfigureAwait(false);
                    length += result.Count;
                    if (!result.EndOfMessage && length >= _options.MaxFrameBytes)
                    {
                        await RefuseOversizeFrameAsync().ConfigureAwait(false);
                        error = new SessionDisconnectedException($"The engine sent a frame over the {_options.MaxFrameBytes}-byte limit; the connection was closed (1009).");
                        return;
                    }
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    status = _socket.CloseStatus;
                    description = _socket.CloseStatusDescription;
                    return;
                }

                Volatile.Write(ref _lastReceived, _options.TimeProvider.GetTimestamp());
                SessionsTelemetry.FramesReceived.Add(1);
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _listener.OnBadFrame("a binary frame (the protocol sends JSON text frames)");
                    continue;
                }

                Dispatch(buffer.AsSpan(0, length));
            }
        }
        catch (Exception exception)
        {
            error = exception;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _keepAlive?.Dispose();
            SessionsTelemetry.ConnectedSessions.Add(-1);
            var byClient = Volatile.Read(ref _closingByClient) == 1;
            _pending.FailAll(new SessionDisconnectedException(
                "The connection closed before the engine answered" + (error is null ? "." : ": " + error.Message),
                error));
            var closed = new ConnectionClosed(byClient, status, description, byClient ? null : error) { FrameTooBig = _refusedTooBig };
            Closed = closed;
            _listener.OnClosed(this, closed);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.FrameReceived(_logger, _sessionId(), Encoding.UTF8.GetString(frame));
        }

        SessionEvent evt;
        try
        {
            var reader = new Utf8JsonReader(frame, ReaderOptions);
            reader.Read();
            evt = SessionEventJsonConverter.ReadValue(ref reader);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            _listener.OnBadFrame(exception.Message);
            return;
        }

        _pending.Answer(evt);
        _listener.OnEvent(evt);
    }

    private async Task RefuseOversizeFrameAsync()
    {
        // Reported like any other bad frame, so that listeners learn of it; it was only logged as a lost connection
        // (reliability tests, issue 7).
        _listener.OnBadFrame($"a frame over the {_options.MaxFrameBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)}-byte limit; the connection is closed (1009)");
        _refusedTooBig = true;
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "frame too large", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Closing is best effort; the loop ends either way.
        }

        _socket.Abort();
    }

    private void KeepAlive()
    {
        var silence = _options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastReceived));
        if (silence >= _options.DeadPeerTimeout)
        {
            Log.DeadPeer(_logger, _sessionId(), silence);
            Abort();
            return;
        }

        if (silence >= _options.KeepAliveInterval)
        {
            var ping = new PingFrame { RequestId = "keepalive-" + Interlocked.Increment(ref _pings).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            _ = SendAsync(ping, CancellationToken.None).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }
}
