using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Connection;
using Sessions.Diagnostics;
using Sessions.Subscriptions;

namespace Sessions;

/// <summary>What the receive loop hands over: events to de-duplicate and fan out, bad frames, closes.</summary>
public sealed partial class Session
{
    private const int MaxTooBigRepeats = 3;
    private long _tooBigAtSeq = -1;
    private int _tooBigRepeats;

    void IConnectionListener.OnEvent(SessionEvent evt)
    {
        // Events replayed after a resume that were already delivered are dropped here, by seq.
        if (evt.Seq is long seq)
        {
            if (seq <= Interlocked.Read(ref _lastSeq))
            {
                return;
            }

            Interlocked.Exchange(ref _lastSeq, seq);
        }

        _tracing.OnEvent(evt);
        Publish(evt);
    }

    void IConnectionListener.OnBadFrame(string problem)
    {
        Log.BadFrame(_logger, SessionId, problem);
        Publish(ClientReports.BadFrame(SessionId ?? string.Empty, problem));
    }

    void IConnectionListener.OnClosed(SessionConnection connection, ConnectionClosed closed) => HandleClosed(connection, closed);

    private void HandleClosed(SessionConnection connection, ConnectionClosed closed)
    {
        lock (_gate)
        {
            // A connection that never joined, or one this side is closing, is not ours to mourn.
            if (!ReferenceEquals(connection, _connection) || closed.ByClient)
            {
                return;
            }

            _connection = null;

            // Answer the engine's close (4001, 1008, 1009, 1001...) and let the socket go: nothing did, so the engine waited
            // its shutdown timeout for every such connection (reliability tests, issue 7). Not under the lock, not awaited:
            // this runs on the connection's own receive loop, which the close waits for.
            _ = Task.Run(() => connection.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "closed"));

            // A stored event over MaxFrameBytes is replayed by every resume and closes each new connection at once: after
            // three such closes with no event delivered in between, stop instead of reconnecting forever (it did, as fast
            // as the policy allowed: reliability tests, issue 7).
            var stuck = false;
            if (closed.FrameTooBig)
            {
                _tooBigRepeats = _tooBigAtSeq == LastSeq ? _tooBigRepeats + 1 : 1;
                _tooBigAtSeq = LastSeq;
                stuck = _tooBigRepeats >= MaxTooBigRepeats;
            }

            if (closed.IsTerminated)
            {
                SetState(SessionState.Terminated);
                _connected.TrySetException(new SessionNotFoundException($"Session {SessionId} was terminated.", "session_terminated"));
            }
            else if (closed.IsPolicyViolation || stuck || _client.Options.ReconnectPolicy is null || _lifetime.IsCancellationRequested)
            {
                SetState(SessionState.Disconnected);
                _connected.TrySetException(new SessionDisconnectedException("The connection closed: " + closed.Reason, closed.Error));
            }
            else
            {
                SetState(SessionState.Reconnecting);
                _connected = NewSignal();
                Log.ConnectionLost(_logger, SessionId, closed.Reason);
                _reconnecting = Task.Run(() => ReconnectAsync(closed.Error));
                return;
            }
        }

        CompleteSubscriptions(closed.IsTerminated ? null : DisconnectedError(closed));
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

    private void CompleteSubscriptions(Exception? error)
    {
        _tracing.OnEnded(error);
        Subscription[] ended;
        lock (_gate)
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
