using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Connection;
using Sessions.Diagnostics;
using Sessions.Subscriptions;
using Sessions.Transport;

namespace Sessions.Lifecycle;

/// <summary>
/// Everything a <see cref="Session"/> does, behind its facade: connecting, reconnecting after a drop, ending, sending
/// and waiting for answers, and handing events to listeners. Every change of state goes through
/// <see cref="SessionStateMachine.TryChangeState"/>; each connection belongs to one <see cref="ConnectionAttempt"/>.
/// </summary>
/// <remarks>
/// Locks: <c>_lifecycle</c> (async) serializes whatever opens or closes connections (connect, a reconnect attempt,
/// an end); the state machine's gate guards the state and <c>_attempt</c> together and is never held across an await.
/// </remarks>
#pragma warning disable CA1001 // _lifecycle: a SemaphoreSlim whose wait handle is never asked for holds nothing to dispose; ends may still be waiting on it.
internal sealed partial class SessionCore : IConnectionListener
#pragma warning restore CA1001
{
    private readonly SessionClient _client;
    private readonly SessionClientOptions _options;
    private readonly ILogger _logger;
    private readonly string? _agentId;
    private readonly string? _chatbotId;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly PendingAnswers _answers = new();
    private readonly SessionTracing _tracing;
    private ConnectionAttempt? _attempt;
    private Task _reconnecting = Task.CompletedTask;
    private Task _retiring = Task.CompletedTask;
    private string? _sessionId;
    private long _lastSeq;
    private long _requestIds;

    public SessionCore(object owner, SessionClient client, string? sessionId, string? agentId, string? chatbotId, long lastSeq)
    {
        _client = client;
        _options = client.Options;
        _logger = _options.LoggerFactory.CreateLogger<Session>();
        _sessionId = sessionId;
        _agentId = agentId;
        _chatbotId = chatbotId;
        _lastSeq = lastSeq;
        States = new SessionStateMachine(owner, _logger, () => SessionId);
        _tracing = new SessionTracing(client.Metrics, _options.TimeProvider, agentId ?? chatbotId, client.WebSocketAddress);
    }

    public SessionStateMachine States { get; }

    /// <summary>The session's spans and histograms: the facade wraps sends and answers in it; connects, reconnects and events are traced here.</summary>
    public SessionTracing Tracing => _tracing;

    public string? SessionId => Volatile.Read(ref _sessionId);

    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>The reconnect loop running now (or the last one, completed); tests wait for it to end.</summary>
    internal Task ReconnectLoop
    {
        get
        {
            lock (Gate)
            {
                return _reconnecting;
            }
        }
    }

    /// <summary>The joined connection, if any.</summary>
    internal SessionConnection? CurrentConnection
    {
        get
        {
            lock (Gate)
            {
                return _attempt?.Connection;
            }
        }
    }

    private object Gate => States.Gate;

    public string NextRequestId() => "r" + Interlocked.Increment(ref _requestIds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        Task<SessionConnection>? reconnecting = null;
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ConnectionAttempt attempt;
            lock (Gate)
            {
                ThrowIfEnded();
                var state = States.State;
                if (state == SessionState.Connected)
                {
                    return;
                }

                if (state == SessionState.Reconnecting)
                {
                    // The reconnect loop is at it; opening a second connection beside it would split the session.
                    reconnecting = _attempt!.Connected;
                    attempt = null!;
                }
                else
                {
                    attempt = new ConnectionAttempt();
                    if (!States.TryChangeState(state, SessionState.Connecting))
                    {
                        throw new SessionException($"A session cannot connect from {state}.", "invalid_state"); // unreachable: the lifecycle lock is held
                    }

                    _attempt = attempt;
                }
            }

            if (reconnecting is null)
            {
                try
                {
                    var (connection, hold, _) = await OpenAndJoinAsync(attempt, cancellationToken).ConfigureAwait(false);
                    await BecomeConnectedAsync(attempt, connection, hold, null).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception)
                {
                    lock (Gate)
                    {
                        if (ReferenceEquals(_attempt, attempt))
                        {
                            _attempt = null;
                            States.TryChangeState(SessionState.Connecting, SessionState.Disconnected, exception);
                        }
                    }

                    attempt.Fail(exception);
                    await attempt.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            _lifecycle.Release();
        }

        await WaitConnectedAsync(reconnecting, _options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the session's connection: <see cref="SessionState.Disconnected"/>, <see cref="SessionState.Terminated"/> or <see cref="SessionState.Disposed"/>.</summary>
    public async Task EndAsync(SessionState final, bool terminate, CancellationToken cancellationToken)
    {
        // A call cancelled before it starts changes nothing. Once the attempt is cancelled the end must go through: a
        // session left Connected or Reconnecting with a cancelled attempt would never reconnect after a drop.
        cancellationToken.ThrowIfCancellationRequested();

        // Stop a connect or a reconnect loop first, so it neither holds the lifecycle lock long nor reopens the connection.
        lock (Gate)
        {
            _attempt?.Cancel();
        }

        await _lifecycle.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            ConnectionAttempt? attempt;
            lock (Gate)
            {
                var state = States.State;
                if (state is SessionState.Terminated or SessionState.Disposed)
                {
                    if (final == SessionState.Disposed)
                    {
                        States.TryChangeState(state, SessionState.Disposed);
                    }

                    return;
                }

                attempt = _attempt;
                _attempt = null;
            }

            // A terminate that fails leaves the session disconnected, not terminated.
            var outcome = terminate ? SessionState.Disconnected : final;
            var connection = attempt?.Connection;
            try
            {
                if (terminate)
                {
                    await TerminateOnEngineAsync(connection, cancellationToken).ConfigureAwait(false);
                    outcome = final;
                }
                else if (connection is not null)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "disconnect").ConfigureAwait(false);
                }
            }
            finally
            {
                var ended = new SessionDisconnectedException("The session was " + outcome.ToString().ToLowerInvariant() + ".");
                if (attempt is not null)
                {
                    attempt.Fail(ended);
                    await attempt.DisposeAsync().ConfigureAwait(false);
                }

                lock (Gate)
                {
                    States.TryChangeState(States.State, outcome);
                }

                _answers.FailAll(ended);
                CompleteSubscriptions(null);
                Task reconnecting, retiring;
                lock (Gate)
                {
                    reconnecting = _reconnecting;
                    retiring = _retiring;
                }

                await reconnecting.ConfigureAwait(false);
                await retiring.ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Sends a frame and waits for the event that answers it.</summary>
    public async Task<SessionEvent> RequestAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        var connection = await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.RequestAsync(frame, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an answer and waits for the engine to take it (<c>response_accepted</c>), across drops: the answer is kept
    /// until acknowledged and sent again after a resume while its approval is still pending.
    /// </summary>
    public async Task RespondAsync(SendResponseFrame frame, CancellationToken cancellationToken)
    {
        var acknowledged = _answers.Add(frame);
        try
        {
            var connection = await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.SendAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            catch (SessionDisconnectedException)
            {
                // Lost with the connection: kept in _answers, sent again after the resume (or failed if the session ends).
            }

            await acknowledged.WaitAsync(_options.RequestTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new SessionTimeoutException($"The engine did not acknowledge the answer to approval {frame.Data.ApprovalId} within {_options.RequestTimeout.TotalSeconds:0.###} s.", exception);
        }
        finally
        {
            _answers.Forget(frame.RequestId);
        }
    }

    /// <summary>The joined connection; while connecting or reconnecting, waits for it (bounded by the request timeout).</summary>
    public Task<SessionConnection> ReadyConnectionAsync(CancellationToken cancellationToken)
    {
        Task<SessionConnection> connected;
        lock (Gate)
        {
            ThrowIfEnded();
            if (States.State is SessionState.Created or SessionState.Disconnected || _attempt is null)
            {
                throw new SessionDisconnectedException("The session is not connected; call ConnectAsync first.");
            }

            // The attempt's own signal: it belongs to this connection (or the one being opened), never to an old one.
            connected = _attempt.Connected;
        }

        return connected.IsCompletedSuccessfully ? connected : WaitConnectedAsync(connected, _options.RequestTimeout, cancellationToken);
    }

    private async Task<SessionConnection> WaitConnectedAsync(Task<SessionConnection> connected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await connected.WaitAsync(timeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new SessionTimeoutException($"The session did not connect within {timeout.TotalSeconds:0.###} s.", exception);
        }
    }

    /// <summary>
    /// Opens a connection and creates or joins the session on it. What the connection reports is held
    /// (<see cref="ListenerHold"/>) until <see cref="BecomeConnectedAsync"/> installs it: listeners hear nothing of a
    /// connection before the session says Connected.
    /// </summary>
    private async Task<(SessionConnection Connection, ListenerHold Hold, SessionConnectedEvent? Joined)> OpenAndJoinAsync(ConnectionAttempt attempt, CancellationToken cancellationToken)
    {
        using var activity = _tracing.StartConnect(SessionId);
        var started = _options.TimeProvider.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Lifetime);
        timeout.CancelAfter(_options.ConnectTimeout);
        SessionConnection? connection = null;
        try
        {
            // The WebSocket transport asks the credential for a token naming the session (null while creating it).
            var transport = _client.Transport is ISessionAwareTransport aware
                ? await aware.ConnectAsync(SessionId, timeout.Token).ConfigureAwait(false)
                : await _client.Transport.ConnectAsync(timeout.Token).ConfigureAwait(false);
            var hold = new ListenerHold(this);
            connection = new SessionConnection(transport, hold, _options, _logger, () => SessionId, _client.Metrics);
            SessionConnectedEvent? joined = null;
            if (SessionId is null)
            {
                var frame = new CreateSessionFrame
                {
                    RequestId = NextRequestId(),
                    Data = new CreateSessionFrameData { AgentId = _agentId, ChatbotId = _chatbotId },
                };
                var created = (SessionCreatedEvent)await connection.RequestAsync(frame, _options.ConnectTimeout, timeout.Token).ConfigureAwait(false);
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
                joined = await connection.RequestAsync(frame, _options.ConnectTimeout, timeout.Token).ConfigureAwait(false) as SessionConnectedEvent;
            }

            _tracing.Connected(activity, SessionId, started);
            Log.Connected(_logger, SessionId, _client.WebSocketAddress.GetLeftPart(UriPartial.Path));
            return (connection, hold, joined);
        }
        catch (Exception exception)
        {
            SessionsTelemetry.RecordFailure(activity, exception);
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw attempt.IsCancelled
                    ? new SessionDisconnectedException("The session was ended while it was connecting.", exception)
                    : new SessionTimeoutException($"Connecting took longer than {_options.ConnectTimeout.TotalSeconds:0.###} s.", exception);
            }

            if (exception is not (SessionException or OperationCanceledException))
            {
                throw new SessionDisconnectedException("Could not connect: " + exception.Message, exception);
            }

            throw;
        }
    }

    private async Task BecomeConnectedAsync(ConnectionAttempt attempt, SessionConnection connection, ListenerHold hold, SessionConnectedEvent? joined)
    {
        bool installed;
        lock (Gate)
        {
            var from = States.State;
            installed = ReferenceEquals(_attempt, attempt)
                && from is SessionState.Connecting or SessionState.Reconnecting
                && States.TryChangeState(from, SessionState.Connected);
            if (installed)
            {
                attempt.Succeed(connection);
            }
        }

        if (!installed)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new SessionDisconnectedException("The session was ended while it was connecting.");
        }

        if (joined is not null)
        {
            ResendAnswers(connection, joined.Data.PendingApprovals);
        }

        // Connected now: what the connection reported meanwhile (the replay, and its close if it dropped already) goes
        // to listeners in order, from here; later events go straight from its receive loop.
        try
        {
            hold.Release();
        }
#pragma warning disable CA1031 // The application's code (a logger, an activity listener) failed on a held event.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // As when it fails on the receive loop: the connection ends, and the session takes it as a drop.
            Log.ListenerFailed(_logger, SessionId, exception);
            connection.Abort();
        }
    }

    private void ResendAnswers(SessionConnection connection, IReadOnlyList<string> pendingApprovals)
    {
        foreach (var frame in _answers.AfterResume(pendingApprovals))
        {
            // Not awaited (the resume must not wait for it); a send lost again is sent again after the next resume.
            _ = connection.SendAsync(frame, CancellationToken.None).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private async Task TerminateOnEngineAsync(SessionConnection? connection, CancellationToken cancellationToken)
    {
        if (SessionId is null)
        {
            return; // never created: nothing to destroy
        }

        // Terminating needs a connection; a disconnected session joins briefly, on an attempt of its own, to say it.
        ConnectionAttempt? brief = null;
        if (connection is null)
        {
            brief = new ConnectionAttempt();
            // Never released: the session is ending, nobody listens to this connection's events.
            (connection, _, _) = await OpenAndJoinAsync(brief, cancellationToken).ConfigureAwait(false);
            brief.Succeed(connection);
        }

        try
        {
            connection.ExpectClose();
            await connection.SendAsync(new TerminateSessionFrame { RequestId = NextRequestId() }, cancellationToken).ConfigureAwait(false);
            try
            {
                // The engine destroys the session, then closes with 4001.
                await connection.Completion.WaitAsync(_options.RequestTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException exception)
            {
                connection.Abort();
                throw new SessionTimeoutException("The engine did not close the session after terminate_session.", exception);
            }
        }
        finally
        {
            if (brief is not null)
            {
                await brief.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void ThrowIfEnded()
    {
        switch (States.State)
        {
            case SessionState.Terminated:
                throw new SessionNotFoundException($"Session {SessionId} was terminated; it cannot be used again.", "session_terminated");
            case SessionState.Disposed:
                throw new SessionDisconnectedException("The session was disposed; it cannot be used again.");
        }
    }

    /// <summary>Disposes an attempt that is over, off the caller's thread (it may be the connection's own receive loop); disposal is awaited by the next end.</summary>
    private void Retire(ConnectionAttempt attempt)
    {
        lock (Gate)
        {
            var before = _retiring;
            _retiring = Task.Run(async () =>
            {
                try
                {
                    await attempt.DisposeAsync().ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A transport of the application's that fails to dispose must not fault a task nobody may await.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    Log.ConnectionLost(_logger, SessionId, "releasing the ended connection failed: " + exception.Message);
                }

                await before.ConfigureAwait(false);
            });
        }
    }
}
