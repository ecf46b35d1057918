using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Diagnostics;

/// <summary>
/// The spans and histograms of one session: connects, reconnects, sends, turns (post to <c>message_complete</c>) and
/// approvals. The session calls it at the start and end of each; it holds the open turn between a post and its reply.
/// </summary>
/// <remarks>
/// Turns are tracked one at a time, as the engine runs them: posts made while a turn is open join it (the engine folds
/// them into one reply). A turn that never completes (the session ends first) is closed as failed when the session ends.
/// </remarks>
internal sealed class SessionTracing
{
    private readonly SessionsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly string? _agentId;
    private readonly Uri _endpoint;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _approvalsAsked = new(StringComparer.Ordinal);
    private Activity? _turn;
    private bool _turnOpen;
    private long _turnStarted;
    private bool _sawDelta;

    // 1 while the open turn has not seen its first delta: read without the lock, so that the deltas after the first
    // (nearly all events of a turn) cost no lock on the receive loop. Written under _gate.
    private int _awaitingFirstDelta;

    public SessionTracing(SessionsMetrics metrics, TimeProvider time, string? agentId, Uri endpoint)
    {
        _metrics = metrics;
        _time = time;
        _agentId = agentId;
        _endpoint = endpoint;
    }

    /// <summary>A span for opening a socket and creating (<c>session.create</c>) or resuming (<c>session.resume</c>) the session.</summary>
    public Activity? StartConnect(string? sessionId)
    {
        var activity = SessionsTelemetry.ActivitySource.StartActivity(sessionId is null ? "session.create" : "session.resume", ActivityKind.Client);
        if (activity is not null)
        {
            Tag(activity, sessionId);
            activity.SetTag(SemanticNames.ServerAddress, _endpoint.Host);
            activity.SetTag(SemanticNames.ServerPort, _endpoint.Port);
        }

        return activity;
    }

    /// <summary>The connect succeeded: the span learns the session id, the histogram the time.</summary>
    public void Connected(Activity? activity, string? sessionId, long startedTimestamp)
    {
        activity?.SetTag(SemanticNames.ConversationId, sessionId);
        _metrics.ConnectDuration.Record(_time.GetElapsedTime(startedTimestamp).TotalSeconds, AgentTag);
    }

    /// <summary>A span over one reconnect, from the drop until the session is back or given up. A root span: the drop
    /// happens on the receive loop, whose ambient span (the connect that opened it) ended long ago.</summary>
    public Activity? StartReconnect(string? sessionId, Exception? cause)
    {
        Activity.Current = null;
        var activity = SessionsTelemetry.ActivitySource.StartActivity("session.reconnect", ActivityKind.Client);
        if (activity is not null)
        {
            Tag(activity, sessionId);
            activity.SetTag(SemanticNames.DropReason, cause?.GetType().Name ?? "closed");
        }

        return activity;
    }

    /// <summary>The reconnect ended: back (downtime recorded) or given up (error status).</summary>
    public void Reconnected(Activity? activity, int attempts, TimeSpan downtime)
    {
        activity?.SetTag(SemanticNames.ReconnectAttempts, attempts);
        _metrics.ReconnectDowntime.Record(downtime.TotalSeconds, AgentTag);
    }

    /// <summary>Runs a post inside a <c>session.send</c> span, itself inside the turn it starts or joins.</summary>
    public async Task<T> TraceSendAsync<T>(string? sessionId, int messageCount, Func<Task<T>> send)
    {
        var previous = Activity.Current;
        var turn = StartOrJoinTurn(sessionId);
        Activity.Current = turn ?? previous; // the send is the turn's child, whether this post opened the turn or joined it
        using var activity = SessionsTelemetry.ActivitySource.StartActivity("session.send", ActivityKind.Client);
        Tag(activity, sessionId);
        activity?.SetTag(SemanticNames.MessageCount, messageCount);
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SessionsTelemetry.RecordFailure(activity, exception);
            EndTurn(exception);
            throw;
        }
    }

    /// <summary>Runs an approval's answer inside a <c>session.approval</c> span that began when the request arrived.</summary>
    public async Task TraceApprovalAsync(string? sessionId, ApprovalRequestEvent request, bool approved, Func<Task> answer)
    {
        var started = _approvalsAsked.TryRemove(request.Data.ApprovalId, out var asked) ? asked : default;
        Activity? parent;
        lock (_gate)
        {
            parent = _turn;
        }

        using var activity = parent is null
            ? SessionsTelemetry.ActivitySource.StartActivity("session.approval", ActivityKind.Client, default(ActivityContext), startTime: started)
            : SessionsTelemetry.ActivitySource.StartActivity("session.approval", ActivityKind.Client, parent.Context, startTime: started);
        Tag(activity, sessionId);
        activity?.SetTag(SemanticNames.ToolName, request.Data.ToolName);
        activity?.SetTag(SemanticNames.ToolCallId, request.Data.ApprovalId);
        activity?.SetTag(SemanticNames.Approved, approved);
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            SessionsTelemetry.RecordFailure(activity, exception);
            throw;
        }
    }

    /// <summary>Sees every event delivered: the first delta, the reply, errors and approval requests of the open turn.</summary>
    public void OnEvent(SessionEvent evt)
    {
        switch (evt)
        {
            case ApprovalRequestEvent approval:
                _approvalsAsked[approval.Data.ApprovalId] = _time.GetUtcNow();
                break;
            case MessageDeltaEvent when Volatile.Read(ref _awaitingFirstDelta) == 1:
                lock (_gate)
                {
                    if (_turnOpen && !_sawDelta)
                    {
                        _sawDelta = true;
                        Volatile.Write(ref _awaitingFirstDelta, 0);
                        _metrics.TimeToFirstDelta.Record(_time.GetElapsedTime(_turnStarted).TotalSeconds, AgentTag);
                        _turn?.AddEvent(new ActivityEvent("first_delta"));
                    }
                }

                break;
            case MessageCompleteEvent:
                EndTurn(null);
                break;
            case ErrorEvent error when !error.IsClientReport:
                EndTurn(new SessionException(error.Error ?? "The engine reported an error.", "turn_error"));
                break;
        }
    }

    /// <summary>Ends an open turn as failed (the session ended before the reply).</summary>
    public void OnEnded(Exception? cause) => EndTurn(cause ?? new SessionDisconnectedException("The session ended before the turn completed."));

    private Activity? StartOrJoinTurn(string? sessionId)
    {
        lock (_gate)
        {
            if (_turnOpen)
            {
                return _turn;
            }

            // The turn is a root span unless the caller has one (a web request, a job): its posts and reply belong to it.
            var turn = SessionsTelemetry.ActivitySource.StartActivity("session.turn", ActivityKind.Client);
            _turnStarted = _time.GetTimestamp();
            _sawDelta = false;
            Volatile.Write(ref _awaitingFirstDelta, 1);
            if (turn is not null)
            {
                Tag(turn, sessionId);
                turn.SetTag(SemanticNames.OperationName, SemanticNames.InvokeAgent);
                _turn = turn;
            }

            _turnOpen = true;
            return turn;
        }
    }

    private void EndTurn(Exception? error)
    {
        Activity? turn;
        long started;
        lock (_gate)
        {
            if (!_turnOpen)
            {
                return;
            }

            turn = _turn;
            started = _turnStarted;
            _turn = null;
            _turnOpen = false;
            Volatile.Write(ref _awaitingFirstDelta, 0);
        }

        if (error is null)
        {
            _metrics.TurnDuration.Record(_time.GetElapsedTime(started).TotalSeconds, AgentTag);
        }
        else
        {
            SessionsTelemetry.RecordFailure(turn, error);
        }

        turn?.Stop();
    }

    private KeyValuePair<string, object?> AgentTag => new(SemanticNames.AgentId, _agentId);

    private void Tag(Activity? activity, string? sessionId)
    {
        if (activity is null)
        {
            return;
        }

        if (sessionId is not null)
        {
            activity.SetTag(SemanticNames.ConversationId, sessionId);
        }

        if (_agentId is not null)
        {
            activity.SetTag(SemanticNames.AgentId, _agentId);
        }
    }
}
