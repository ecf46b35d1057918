using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Connection;
using Sessions.Diagnostics;
using Sessions.Subscriptions;

namespace Sessions.Lifecycle;

/// <summary>What the receive loop hands over (events to de-duplicate and fan out, bad frames, closes), and reconnecting after a drop.</summary>
internal sealed partial class SessionCore
{
    private const int MaxTooBigRepeats = 3;
    private Subscription[] _subscriptions = Array.Empty<Subscription>();
    private long _tooBigAtSeq = -1;
    private int _tooBigRepeats;

    void IConnectionListener.OnEvent(SessionEvent evt)
    {
        // Events replayed after a resume that were already delivered are dropped here, by seq. Events come one at a time
        // (the release of a connection's hold, then its receive loop; a new connection only after the one before it
        // reported its close), so this read needs no interlocked operation; the write stays atomic for readers elsewhere.
        if (evt.Seq is long seq)
        {
            if (seq <= Volatile.Read(ref _lastSeq))
            {
                return;
            }

            Interlocked.Exchange(ref _lastSeq, seq);
        }

        _answers.Answer(evt);
        _tracing.OnEvent(evt);
        Publish(evt);
    }

    void IConnectionListener.OnBadFrame(string problem)
    {
        Log.BadFrame(_logger, SessionId, problem);
        Publish(ClientReports.BadFrame(SessionId ?? string.Empty, problem));
    }

    void IConnectionListener.OnClosed(SessionConnection connection, ConnectionClosed closed) => HandleClosed(connection, closed);

    public Subscription Subscribe(Func<SessionEvent, bool>? filter, int maxQueue)
    {
        var subscription = new Subscription(filter, maxQueue, Unsubscribe, _client.Metrics.OverflowDrops.Add);
        lock (Gate)
        {
            if (States.State is SessionState.Created or SessionState.Connecting or SessionState.Connected or SessionState.Reconnecting)
            {
                _subscriptions = _subscriptions.Append(subscription).ToArray();
                return subscription;
            }
        }

        // Nothing more will come on a session that has ended: the enumeration ends at once.
        subscription.Complete();
        return subscription;
    }

    private void HandleClosed(SessionConnection connection, ConnectionClosed closed)
    {
        SessionException? ended = null;
        lock (Gate)
        {
            // A connection that never joined, or one this side is closing, is not ours to mourn.
            var attempt = _attempt;
            if (attempt is null || !ReferenceEquals(connection, attempt.Connection) || closed.ByClient)
            {
                return;
            }

            // The attempt is over: its connection is disposed (which also answers the engine's close), off this
            // thread: this runs on the connection's own receive loop, which the disposal waits for.
            // Read before retiring it: the retirement cancels the attempt, which is not the same as an end cancelling it.
            var ending = attempt.IsCancelled;
            _attempt = null;
            Retire(attempt);

            // A stored event over MaxFrameBytes is replayed by every resume and closes each new connection at once: after
            // three such closes with no event delivered in between, stop instead of reconnecting forever.
            var stuck = false;
            if (closed.FrameTooBig)
            {
                _tooBigRepeats = _tooBigAtSeq == LastSeq ? _tooBigRepeats + 1 : 1;
                _tooBigAtSeq = LastSeq;
                stuck = _tooBigRepeats >= MaxTooBigRepeats;
            }

            if (closed.IsTerminated)
            {
                ended = new SessionNotFoundException($"Session {SessionId} was terminated.", "session_terminated");
                States.TryChangeState(SessionState.Connected, SessionState.Terminated, ended);
            }
            else if (closed.IsPolicyViolation || stuck || _options.ReconnectPolicy is null || ending)
            {
                ended = DisconnectedError(closed);
                States.TryChangeState(SessionState.Connected, SessionState.Disconnected, ended);
            }
            else
            {
                var next = new ConnectionAttempt();
                _attempt = next;
                States.TryChangeState(SessionState.Connected, SessionState.Reconnecting, DisconnectedError(closed));
                Log.ConnectionLost(_logger, SessionId, closed.Reason);
                _reconnecting = Task.Run(() => ReconnectAsync(next, closed.Error));
                return;
            }
        }

        _answers.FailAll(ended);
        CompleteSubscriptions(closed.IsTerminated ? null : ended);
    }

    private async Task ReconnectAsync(ConnectionAttempt attempt, Exception? dropError)
    {
        using var activity = _tracing.StartReconnect(SessionId, dropError);
        var policy = _options.ReconnectPolicy!;
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        var lastError = dropError;
        var lifetime = attempt.Lifetime;
        for (var tries = 0; ; tries++)
        {
            TimeSpan? delay;
            try
            {
                delay = ReconnectDelay.Next(policy, new ReconnectContext(tries, time.GetElapsedTime(started), lastError));
            }
            catch (SessionDisconnectedException broken)
            {
                SessionsTelemetry.RecordFailure(activity, broken);
                GiveUp(attempt, broken);
                return;
            }

            if (delay is null)
            {
                var gaveUp = new SessionDisconnectedException($"Reconnecting gave up after {tries} attempt(s).", lastError);
                SessionsTelemetry.RecordFailure(activity, gaveUp);
                GiveUp(attempt, gaveUp);
                return;
            }

            try
            {
                await Task.Delay(delay.Value, time, lifetime).ConfigureAwait(false);
                await _lifecycle.WaitAsync(lifetime).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // ended meanwhile: the end settles the state
            }

            try
            {
                lock (Gate)
                {
                    if (!ReferenceEquals(_attempt, attempt))
                    {
                        return; // an end got there first
                    }
                }

                var (connection, hold, joined) = await OpenAndJoinAsync(attempt, lifetime).ConfigureAwait(false);

                // Counted once joined (the replay waits in the hold until the session says Connected).
                _client.Metrics.Reconnects.Add(1);
                _tracing.Reconnected(activity, tries + 1, time.GetElapsedTime(started));
                Log.Reconnected(_logger, SessionId, tries + 1);
                await BecomeConnectedAsync(attempt, connection, hold, joined).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is SessionAuthenticationException or SessionPermissionException or SessionNotFoundException)
            {
                // The engine said no for good: retrying would only repeat it.
                SessionsTelemetry.RecordFailure(activity, exception);
                GiveUp(attempt, (SessionException)exception);
                return;
            }
            catch (Exception) when (lifetime.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any other failure is a reason to try again, per the policy.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                lastError = exception;
                Log.ReconnectAttemptFailed(_logger, SessionId, tries + 1, exception);
            }
            finally
            {
                _lifecycle.Release();
            }
        }
    }

    private void GiveUp(ConnectionAttempt attempt, SessionException error)
    {
        Log.ReconnectGaveUp(_logger, SessionId, error);
        lock (Gate)
        {
            if (!ReferenceEquals(_attempt, attempt) || !States.TryChangeState(SessionState.Reconnecting, SessionState.Disconnected, error))
            {
                return;
            }

            _attempt = null;
            attempt.Fail(error);
            Retire(attempt);
        }

        _answers.FailAll(error);
        CompleteSubscriptions(error);
    }

    private static SessionException DisconnectedError(ConnectionClosed closed) => closed.IsPolicyViolation
        ? new SessionPermissionException("The engine refused this session: " + closed.Reason, closed.Error)
        : new SessionDisconnectedException("The connection closed: " + closed.Reason, closed.Error);

    private void Publish(SessionEvent evt)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Offer(evt);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (Gate)
        {
            _subscriptions = _subscriptions.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    private void CompleteSubscriptions(Exception? error)
    {
        _tracing.OnEnded(error);
        Subscription[] ended;
        lock (Gate)
        {
            ended = _subscriptions;
            _subscriptions = Array.Empty<Subscription>();
        }

        foreach (var subscription in ended)
        {
            subscription.Complete(error);
        }
    }
}
