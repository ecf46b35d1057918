using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Connection;
using Sessions.Diagnostics;
using Sessions.Subscriptions;

namespace Sessions;

/// <summary>
/// A real-time, multi-turn conversation with an agent or chatbot: send messages, listen to typed events,
/// answer approvals, read the history. One socket at a time; if it drops, the session reconnects by
/// itself and resumes after the last event it saw, so listeners see every event once and in order.
/// </summary>
/// <remarks>
/// Get one from <see cref="Agent.CreateSessionAsync"/>, <see cref="Chatbot.CreateSessionAsync"/> or
/// <see cref="SessionClient.ResumeSessionAsync"/>. <c>await using</c> disconnects (the session stays
/// resumable); <see cref="TerminateAsync"/> destroys it. All members are safe to call from any thread.
/// </remarks>
public sealed partial class Session : IAsyncDisposable, IConnectionListener
{
    private readonly SessionClient _client;
    private readonly ILogger _logger;
    private readonly string? _agentId;
    private readonly string? _chatbotId;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly object _gate = new();
    private SessionConnection? _connection;
    private SessionState _state = SessionState.Created;
    private string? _sessionId;
    private long _lastSeq;
    private long _requestIds;
    private Subscription[] _subscriptions = Array.Empty<Subscription>();
    private TaskCompletionSource _connected = NewSignal();
    private CancellationTokenSource _lifetime = new();
    private Task _reconnecting = Task.CompletedTask;
    private readonly SessionTracing _tracing;

    internal Session(SessionClient client, string? sessionId, string? agentId, string? chatbotId, long lastSeq)
    {
        _client = client;
        _logger = client.Options.LoggerFactory.CreateLogger<Session>();
        _sessionId = sessionId;
        _agentId = agentId;
        _chatbotId = chatbotId;
        _lastSeq = lastSeq;
        _tracing = new SessionTracing(client.Metrics, client.Options.TimeProvider, agentId ?? chatbotId, client.WebSocketAddress);
    }

    /// <summary>The session's id on the engine; null until the session was created.</summary>
    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>True while the socket is open and the session joined.</summary>
    public bool IsConnected => State == SessionState.Connected;

    /// <summary>Where the session is in its life.</summary>
    public SessionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The <c>seq</c> of the last conversation event delivered; a resume asks for what follows it.</summary>
    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>
    /// Opens the socket and creates the session (first time) or resumes it after <see cref="LastSeq"/>.
    /// Does nothing when already connected.
    /// </summary>
    /// <exception cref="SessionAuthenticationException">The key was refused (401).</exception>
    /// <exception cref="SessionPermissionException">The session belongs to another key (403).</exception>
    /// <exception cref="SessionNotFoundException">The session does not exist or was terminated.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task? reconnecting = null;
        try
        {
            lock (_gate)
            {
                ThrowIfEnded();
                if (_state == SessionState.Connected)
                {
                    return;
                }

                if (_state == SessionState.Reconnecting)
                {
                    reconnecting = _connected.Task;
                }
                else
                {
                    SetState(SessionState.Connecting);
                }

                if (_lifetime.IsCancellationRequested)
                {
                    // Replaced, never disposed: an EndAsync may still be calling Cancel on the old one, and a
                    // plain source (no timer, no links) holds nothing that needs disposing.
                    _lifetime = new CancellationTokenSource();
                }
            }

            if (reconnecting is not null)
            {
                // The reconnect loop is at it; opening a second socket beside it would split the session.
                _lifecycle.Release();
                try
                {
                    await reconnecting.WaitAsync(_client.Options.ConnectTimeout, _client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await _lifecycle.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return;
            }

            try
            {
                var connection = await OpenAndJoinAsync(cancellationToken).ConfigureAwait(false);
                BecomeConnected(connection);
            }
            catch
            {
                lock (_gate)
                {
                    SetState(SessionState.Disconnected);
                }

                throw;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops listening and closes the socket. The session stays on the engine; resume it by id.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await EndAsync(SessionState.Disconnected, terminate: false, cancellationToken).ConfigureAwait(false);
        Log.Disconnected(_logger, SessionId);
    }

    /// <summary>Destroys the session on the engine and closes the socket. It cannot be resumed afterwards.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken = default)
    {
        await EndAsync(SessionState.Terminated, terminate: true, cancellationToken).ConfigureAwait(false);
        Log.Terminated(_logger, SessionId);
    }

    /// <summary>Disconnects (the session stays resumable). Never throws; bounded by the close timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await EndAsync(SessionState.Disposed, terminate: false, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Dispose must not throw; the failure was already logged or is moot.
        catch (Exception)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                SetState(SessionState.Disposed);
            }
        }
    }

    private async Task EndAsync(SessionState final, bool terminate, CancellationToken cancellationToken)
    {
        // A call cancelled before it starts changes nothing. Once _lifetime is cancelled the end must go through: a session
        // left Connected or Reconnecting with a cancelled lifetime never reconnects after a drop (reliability tests,
        // issue 7). The wait is bounded: whoever holds the lock (connect, reconnect attempt) stops on _lifetime.
        cancellationToken.ThrowIfCancellationRequested();

        // Stop a reconnect loop first, so it neither holds the lifecycle lock long nor reopens the socket.
        CancellationTokenSource lifetime;
        lock (_gate)
        {
            lifetime = _lifetime;
        }

        lifetime.Cancel();
        await _lifecycle.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            SessionConnection? connection;
            lock (_gate)
            {
                if (_state is SessionState.Terminated or SessionState.Disposed)
                {
                    if (final == SessionState.Disposed)
                    {
                        SetState(SessionState.Disposed);
                    }

                    return;
                }

                connection = _connection;
                _connection = null;
            }

            // A terminate that fails leaves the session disconnected, not terminated.
            var outcome = terminate ? SessionState.Disconnected : final;
            try
            {
                if (terminate)
                {
                    await TerminateOnEngineAsync(connection, cancellationToken).ConfigureAwait(false);
                    outcome = final;
                }
                else if (connection is not null)
                {
                    await connection.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "disconnect").ConfigureAwait(false);
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }

                lock (_gate)
                {
                    SetState(outcome);
                    _connected.TrySetException(new SessionDisconnectedException("The session was " + outcome.ToString().ToLowerInvariant() + "."));
                }

                CompleteSubscriptions(null);
                await _reconnecting.ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task TerminateOnEngineAsync(SessionConnection? connection, CancellationToken cancellationToken)
    {
        if (SessionId is null)
        {
            return; // never created: nothing to destroy
        }

        // Terminating needs a socket; a disconnected session joins briefly to say it.
        var joined = connection is null;
        if (joined)
        {
            // EndAsync cancelled _lifetime (to stop a reconnect loop), and OpenAndJoinAsync links it: without a fresh one the
            // brief join was cancelled at once, so terminate failed from Disconnected and Reconnecting (reliability tests,
            // issue 7). The old source is not disposed: EndAsync may be calling Cancel on it concurrently.
            lock (_gate)
            {
                _lifetime = new CancellationTokenSource();
            }
        }

        connection ??= await OpenAndJoinAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            connection.ExpectClose();
            await connection.SendAsync(new TerminateSessionFrame { RequestId = NextRequestId() }, cancellationToken).ConfigureAwait(false);
            try
            {
                // The engine destroys the session, then closes with 4001.
                await connection.Completion.WaitAsync(_client.Options.RequestTimeout, _client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException exception)
            {
                connection.Abort();
                throw new SessionTimeoutException("The engine did not close the session after terminate_session.", exception);
            }
        }
        finally
        {
            if (joined)
            {
                await connection.DisposeAsync().ConfigureAwait(false); // the brief join is this method's own to release
            }
        }
    }

    private async Task<SessionConnection> OpenAndJoinAsync(CancellationToken cancellationToken)
    {
        var options = _client.Options;
        using var activity = _tracing.StartConnect(SessionId);
        var started = options.TimeProvider.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        timeout.CancelAfter(options.ConnectTimeout);
        SessionConnection? connection = null;
        try
        {
            connection = await SessionConnection.OpenAsync(_client.WebSocketAddress, _client.Authorization, this, options, _logger, () => SessionId, timeout.Token).ConfigureAwait(false);
            if (SessionId is null)
            {
                var frame = new CreateSessionFrame
                {
                    RequestId = NextRequestId(),
                    Data = new CreateSessionFrameData { AgentId = _agentId, ChatbotId = _chatbotId },
                };
                var created = (SessionCreatedEvent)await connection.RequestAsync(frame, options.ConnectTimeout, timeout.Token).ConfigureAwait(false);
                Volatile.Write(ref _sessionId, created.Data.SessionId);
            }
            else
            {
                var lastSeq = LastSeq;
                var frame = new ConnectSessionFrame
                {
                    RequestId = NextRequestId(),
                    Data = new ConnectSessionFrameData { SessionId = SessionId, LastSeq = lastSeq > 0 ? lastSeq : null },
                };
                await connection.RequestAsync(frame, options.ConnectTimeout, timeout.Token).ConfigureAwait(false);
            }

            _tracing.Connected(activity, SessionId, started);
            Log.Connected(_logger, SessionId, _client.WebSocketAddress.GetLeftPart(UriPartial.Path));
            return connection;
        }
        catch (Exception exception) when (SessionsTelemetry.FailedWith(activity, exception))
        {
            throw; // never reached: the filter records the failure on the span and lets it pass
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new SessionTimeoutException($"Connecting took longer than {options.ConnectTimeout.TotalSeconds:0.###} s.", exception);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private void BecomeConnected(SessionConnection connection)
    {
        lock (_gate)
        {
            _connection = connection;
            SetState(SessionState.Connected);
            _connected.TrySetResult();
        }

        // It may have dropped between joining and being installed, when its close was not yet ours to handle.
        if (connection.Closed is { } closed)
        {
            HandleClosed(connection, closed);
        }
    }

    private void ThrowIfEnded()
    {
        switch (_state)
        {
            case SessionState.Terminated:
                throw new SessionNotFoundException($"Session {SessionId} was terminated; it cannot be used again.", "session_terminated");
            case SessionState.Disposed:
                throw new ObjectDisposedException(nameof(Session));
        }
    }

    private string NextRequestId() => "r" + Interlocked.Increment(ref _requestIds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
