using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine.Agents;
using Sessions.Engine.Transport;

namespace Sessions.Engine.Sessions;

/// <summary>
/// One conversation: its numbered event log, its history, its pending approvals and the connections attached to it.
/// It outlives every socket: turns append here whether or not anyone is listening.
/// </summary>
/// <remarks>
/// One lock guards everything, and every fan-out happens under it, so that numbering, storing and queueing an event
/// is one step: an attaching connection gets the replay and then the live events with no gap and no repeat. Sinks only
/// queue (never block), so holding the lock while fanning out is cheap.
/// </remarks>
internal sealed class EngineSession : ITurnHost
{
    private readonly Lock gate = new();
    private readonly List<StoredEvent> events = [];
    private readonly List<IEventSink> sinks = [];
    private readonly Dictionary<string, WaitingApproval> approvals = new(StringComparer.Ordinal);

    // The decision taken for each answered approval, so that a repeated answer (a re-send after a dropped connection)
    // is recognised: the same decision again is a success, a different one is refused. Kept for the session's life:
    // an approval id is never reused, and a client may re-send long after the turn went on.
    private readonly Dictionary<string, bool> answeredApprovals = new(StringComparer.Ordinal);
    private readonly SessionHistory history;
    private readonly TimeProvider timeProvider;
    private readonly CancellationTokenSource lifetime;

    // Kept apart from the source, which Terminate disposes while turns may still read the token.
    private readonly CancellationToken lifetimeToken;

    // Events and user messages share one counter, so history and events sort together. lastEventSeq is the newest seq
    // an event carries: the replay ends there, so that is what session_connected reports.
    private long lastSeq;
    private long lastEventSeq;
    private bool terminated;

    public EngineSession(SessionInfo info, TimeProvider timeProvider, CancellationToken engineStopping)
    {
        Info = info;
        this.timeProvider = timeProvider;
        history = new SessionHistory(info);
        lifetime = CancellationTokenSource.CreateLinkedTokenSource(engineStopping);
        lifetimeToken = lifetime.Token;
    }

    public SessionInfo Info { get; }

    public string Id => Info.Id;

    /// <summary>Cancelled when the session is terminated or the engine stops; turns run under it.</summary>
    public CancellationToken Lifetime => lifetimeToken;

    /// <summary>Attaches a connection that just created the session and queues <c>session_created</c> to it.</summary>
    public void AttachCreator(IEventSink sink, string requestId)
    {
        var created = new SessionCreatedEvent
        {
            SessionId = Id,
            RequestId = requestId,
            Data = new SessionCreatedEventData { SessionId = Id, AgentId = Info.AgentId, ChatbotId = Info.ChatbotId },
        };
        lock (gate)
        {
            sink.Send(EventSerializer.Serialize(created));
            sinks.Add(sink);
        }
    }

    /// <summary>
    /// Attaches a resuming connection: queues <c>session_connected</c>, then every stored event after
    /// <paramref name="afterSeq"/>, then live events. False when the session was terminated meanwhile.
    /// </summary>
    public bool AttachResuming(IEventSink sink, string requestId, long afterSeq)
    {
        lock (gate)
        {
            if (terminated)
            {
                return false;
            }

            var connected = new SessionConnectedEvent
            {
                SessionId = Id,
                RequestId = requestId,
                Data = new SessionConnectedEventData { SessionId = Id, LastSeq = lastEventSeq, PendingApprovals = approvals.Keys.ToArray() },
            };
            sink.Send(EventSerializer.Serialize(connected));
            for (var i = FirstIndexAfter(afterSeq); i < events.Count; i++)
            {
                sink.Send(events[i].Utf8);
            }

            sinks.Add(sink);
            return true;
        }
    }

    public void Detach(IEventSink sink)
    {
        lock (gate)
        {
            sinks.Remove(sink);
        }
    }

    /// <summary>Stores posted user messages (each takes a <c>seq</c> in the history) and returns their ids.</summary>
    public IReadOnlyList<string> StoreUserMessages(IReadOnlyList<UserMessage> messages)
    {
        var ids = new string[messages.Count];
        lock (gate)
        {
            ThrowIfTerminated();
            var at = timeProvider.GetUtcNow();
            for (var i = 0; i < messages.Count; i++)
            {
                // The seq is shared with events so that history and events sort together; no event carries it.
                ids[i] = EngineIds.NewMessageId();
                history.AddUser(ids[i], ++lastSeq, messages[i], at);
            }
        }

        return ids;
    }

    /// <inheritdoc/>
    public void Append(SessionEvent sessionEvent)
    {
        lock (gate)
        {
            AppendLocked(sessionEvent);
        }
    }

    /// <inheritdoc/>
    public async Task<ToolApproval> RequestApprovalAsync(ApprovalRequestEvent request, CancellationToken cancellationToken)
    {
        var approvalId = request.Data.ApprovalId;
        var pending = new WaitingApproval(request.Data.Arguments);
        try
        {
            lock (gate)
            {
                approvals.Add(approvalId, pending);
                AppendLocked(request);
                pending.Listed = new PendingApproval
                {
                    ApprovalId = approvalId,
                    ToolName = request.Data.ToolName,
                    ToolId = request.Data.ToolId,
                    Arguments = request.Data.Arguments,
                    MessageId = request.MessageId,
                    Seq = lastEventSeq,
                };
            }

            // The session's own lifetime too: an agent that passes no token must not wait past a terminate.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetimeToken);
            return await pending.Decision.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                approvals.Remove(approvalId);
            }
        }
    }

    /// <summary>
    /// Hands a client's <c>send_response</c> to the turn waiting for it. Idempotent by approval id: an answer that
    /// repeats the decision already taken (from any connection) is a success that changes nothing.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="acknowledge">
    /// Called for an accepted answer (its argument: whether it was a repeat) before the turn is released, so that the
    /// acknowledgement is queued ahead of every event the resumed turn sends.
    /// </param>
    public ApprovalAnswer Answer(SendResponseFrameData response, Action<bool> acknowledge)
    {
        lock (gate)
        {
            if (answeredApprovals.TryGetValue(response.ApprovalId, out var taken))
            {
                if (taken != response.Approved)
                {
                    return ApprovalAnswer.AlreadyAnswered;
                }

                acknowledge(true);
                return ApprovalAnswer.Repeated;
            }

            if (!approvals.Remove(response.ApprovalId, out var pending))
            {
                return ApprovalAnswer.Unknown;
            }

            answeredApprovals.Add(response.ApprovalId, response.Approved);
            acknowledge(false);
            pending.Decision.TrySetResult(new ToolApproval
            {
                ApprovalId = response.ApprovalId,
                Approved = response.Approved,
                ProposedArguments = pending.ProposedArguments,
                Confirm = response.Approved ? response.Confirm : null,
                DenyReason = response.Approved ? null : response.DenyReason,
            });
            return ApprovalAnswer.Resolved;
        }
    }

    /// <summary>The history after <paramref name="afterSeq"/>.</summary>
    public IReadOnlyList<SessionMessage> Messages(long afterSeq)
    {
        lock (gate)
        {
            return history.After(afterSeq);
        }
    }

    /// <summary>The approval requests still waiting for an answer, oldest first (the history lists them).</summary>
    public IReadOnlyList<PendingApproval> PendingApprovals()
    {
        lock (gate)
        {
            return approvals.Values.Select(a => a.Listed).OfType<PendingApproval>().OrderBy(a => a.Seq).ToArray();
        }
    }

    /// <summary>The stored events, in order (for tests and diagnostics).</summary>
    public IReadOnlyList<SessionEvent> StoredEvents()
    {
        lock (gate)
        {
            return events.Select(e => e.Event).ToArray();
        }
    }

    /// <summary>Destroys the session: stops its turn, forgets its approvals and tells every attached connection to close with 4001.</summary>
    public void Terminate()
    {
        IEventSink[] attached;
        lock (gate)
        {
            if (terminated)
            {
                return;
            }

            terminated = true;
            attached = [.. sinks];
            sinks.Clear();
        }

        lifetime.Cancel();
        lifetime.Dispose();
        foreach (var sink in attached)
        {
            sink.SessionTerminated();
        }
    }

    private void AppendLocked(SessionEvent sessionEvent)
    {
        ThrowIfTerminated();
        var seq = lastEventSeq = ++lastSeq;
        var stamped = sessionEvent with { SessionId = Id, Seq = seq, RequestId = null };
        var stored = new StoredEvent(seq, stamped, EventSerializer.Serialize(stamped));
        events.Add(stored);
        history.Apply(stamped, seq, timeProvider.GetUtcNow());
        foreach (var sink in sinks)
        {
            sink.Send(stored.Utf8);
        }
    }

    private void ThrowIfTerminated()
    {
        if (terminated)
        {
            throw new OperationCanceledException("The session was terminated.", lifetimeToken);
        }
    }

    /// <summary>Index of the first stored event with seq greater than <paramref name="afterSeq"/> (events are sorted by seq).</summary>
    private int FirstIndexAfter(long afterSeq)
    {
        int low = 0, high = events.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (events[middle].Seq <= afterSeq)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed record StoredEvent(long Seq, SessionEvent Event, byte[] Utf8);

    private sealed class WaitingApproval(IReadOnlyDictionary<string, System.Text.Json.JsonElement> proposedArguments)
    {
        public IReadOnlyDictionary<string, System.Text.Json.JsonElement> ProposedArguments { get; } = proposedArguments;

        /// <summary>How the history lists it; set under the gate once the request is stored (it then has its seq).</summary>
        public PendingApproval? Listed { get; set; }

        // Continuations run elsewhere: the answering receive loop must not run the rest of the turn inline.
        public TaskCompletionSource<ToolApproval> Decision { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What became of a <c>send_response</c>.</summary>
internal enum ApprovalAnswer
{
    /// <summary>The waiting turn has the decision.</summary>
    Resolved,

    /// <summary>No approval with that id was ever requested in this session.</summary>
    Unknown,

    /// <summary>The approval was answered before with the same decision: a success, applied once.</summary>
    Repeated,

    /// <summary>The approval was answered before with the other decision: refused.</summary>
    AlreadyAnswered,
}
