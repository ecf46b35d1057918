using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Diagnostics;
using Sessions.Protocol.Generated;
using Sessions.Transport;

namespace Sessions.Connection;

/// <summary>
/// One transport connection to the engine, with what the protocol adds above the transport: one receive loop that
/// decodes frames and hands them on without waiting for anyone, one send lock, the requests that await an answer,
/// and keep-alive. It never reconnects; its owner decides that when it reports that it closed.
/// </summary>
internal sealed class SessionConnection : IAsyncDisposable
{
    private readonly ISessionTransportConnection _transport;
    private readonly IConnectionListener _listener;
    private readonly SessionClientOptions _options;
    private readonly ILogger _logger;
    private readonly Func<string?> _sessionId;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly Utf8JsonWriter _sendWriter;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly PendingRequests _pending = new();
    private readonly RecentStrings _recentStrings = new();
    private readonly ITimer? _keepAlive;
    private readonly Task _receiveLoop;
    private readonly SessionsMetrics _metrics;
    private long _lastReceived;
    private int _closingByClient;
    private int _disposed;
    private long _pings;
    private bool _refusedTooBig;

    public SessionConnection(ISessionTransportConnection transport, IConnectionListener listener, SessionClientOptions options, ILogger logger, Func<string?> sessionId, SessionsMetrics? metrics = null)
    {
        _metrics = metrics ?? SessionsMetrics.Shared;
        _transport = transport;
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

        _metrics.ConnectedSessions.Add(1);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Completes when the receive loop has ended (after the listener heard of the close).</summary>
    public Task Completion => _receiveLoop;

    /// <summary>How the connection ended; set before the listener is told, null while open.</summary>
    public ConnectionClosed? Closed { get; private set; }

    /// <summary>Sends one frame. The token cancels only the wait for the send lock, never a frame half sent.</summary>
    public async Task SendAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        var locked = false;
        try
        {
            // Inside the try: once a dropped connection is disposed, the lock and the lifetime throw ObjectDisposedException,
            // which for the caller means the same as any other lost connection.
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            locked = true;
            _sendBuffer.ResetWrittenCount();
            _sendWriter.Reset(_sendBuffer);
            FrameCodec.Encode(_sendWriter, SessionsTelemetry.WithTraceContext(frame));
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Log.FrameSent(_logger, _sessionId(), Encoding.UTF8.GetString(_sendBuffer.WrittenSpan));
            }

            await _transport.SendAsync(_sendBuffer.WrittenMemory, _lifetime.Token).ConfigureAwait(false);
            _metrics.FramesSent.Add(1);
        }
        catch (SessionException)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SessionDisconnectedException("The connection closed before the frame was sent.", exception);
        }
        finally
        {
            if (locked)
            {
                ReleaseSendLock();
            }
        }
    }

    /// <summary>Sends a frame and waits for the event that answers it (same request id), or for an error.</summary>
    public async Task<SessionEvent> RequestAsync(ClientFrame frame, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = _pending.Register(frame.RequestId);

        // When the send fails or the wait ends first, the connection's end may still fail this task: observed here, so
        // that it never surfaces as an unobserved task exception (the caller got its own exception).
        _ = answer.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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

    /// <summary>Closes from this side: sends the close and waits, bounded, for the engine's answer; then aborts.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        Interlocked.Exchange(ref _closingByClient, 1);
        _keepAlive?.Dispose();
        using (var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider))
        {
            try
            {
                // Also after the engine's close: answering it lets the engine end the connection without waiting.
                await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await _transport.CloseAsync((int)status, description, timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    ReleaseSendLock();
                }

                await _receiveLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever the transport throws while closing, the close ends in an abort below.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The engine did not finish the handshake in time, or the connection had failed: abort below.
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
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed already: nothing is left to abort.
            return;
        }

        _transport.Abort();
    }

    /// <summary>Closes (bounded) and releases the transport connection. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await CloseAsync(WebSocketCloseStatus.NormalClosure, "disposed").ConfigureAwait(false);
        await _transport.DisposeAsync().ConfigureAwait(false);
        _sendLock.Dispose();
        _lifetime.Dispose();
        await _sendWriter.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Releases the send lock; a disposal that got there meanwhile (after its bounded wait) already let it go.</summary>
    private void ReleaseSendLock()
    {
        try
        {
            _sendLock.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while this send or close held it: nobody is left to wait for it.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        int? status = null;
        string? description = null;
        Exception? error = null;
        try
        {
            while (true)
            {
                var message = await _transport.ReceiveAsync(_lifetime.Token).ConfigureAwait(false);
                if (message.Kind == TransportMessageKind.Close)
                {
                    status = message.CloseStatus;
                    description = message.CloseDescription;
                    return;
                }

                if (message.Kind == TransportMessageKind.TooBig)
                {
                    await RefuseOversizeFrameAsync().ConfigureAwait(false);
                    error = new SessionDisconnectedException($"The engine sent a frame over the {_options.MaxFrameBytes}-byte limit; the connection was closed (1009).");
                    return;
                }

                Volatile.Write(ref _lastReceived, _options.TimeProvider.GetTimestamp());
                _metrics.FramesReceived.Add(1);
                if (message.Kind == TransportMessageKind.Binary)
                {
                    _listener.OnBadFrame("a binary frame (the protocol sends JSON text frames)");
                    continue;
                }

                Dispatch(message.Payload.Span);
            }
        }
        catch (Exception exception)
        {
            error = exception;
        }
        finally
        {
            _keepAlive?.Dispose();
            _metrics.ConnectedSessions.Add(-1);
            var byClient = Volatile.Read(ref _closingByClient) == 1;
            _pending.FailAll(new SessionDisconnectedException(
                "The connection closed before the engine answered" + (error is null ? "." : ": " + error.Message),
                error));
            var closed = new ConnectionClosed(byClient, (WebSocketCloseStatus?)status, description, byClient ? null : error) { FrameTooBig = _refusedTooBig };
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

        var decoded = FrameCodec.Decode(frame, _recentStrings);
        if (decoded.Event is not { } evt)
        {
            _listener.OnBadFrame(decoded.Problem!);
            return;
        }

        _pending.Answer(evt);
        _listener.OnEvent(evt);
    }

    private async Task RefuseOversizeFrameAsync()
    {
        // Reported like any other bad frame, so that listeners learn of it.
        _listener.OnBadFrame($"a frame over the {_options.MaxFrameBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)}-byte limit; the connection is closed (1009)");
        _refusedTooBig = true;
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider);
        try
        {
            await _transport.CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "frame too large", timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing is best effort; the loop ends either way.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _transport.Abort();
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
