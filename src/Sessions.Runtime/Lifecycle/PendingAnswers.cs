using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Sessions.Lifecycle;

/// <summary>
/// The answers (<c>send_response</c>) the engine has not acknowledged yet, kept across connections: an answer lost with
/// a dropped connection is sent again after the resume when <c>session_connected.pending_approvals</c> still lists its
/// approval, and counts as taken when it does not (the engine took it; only its acknowledgement was lost).
/// </summary>
internal sealed class PendingAnswers
{
    private readonly ConcurrentDictionary<string, Entry> _byRequestId = new(StringComparer.Ordinal);

    public Task<ResponseAcceptedEvent?> Add(SendResponseFrame frame)
    {
        var entry = new Entry(frame);
        _byRequestId[frame.RequestId] = entry;
        return entry.Acknowledged.Task;
    }

    public void Forget(string requestId) => _byRequestId.TryRemove(requestId, out _);

    /// <summary>Completes the answer an event acknowledges (<c>response_accepted</c>) or refuses (an <c>error</c> with its request id).</summary>
    public void Answer(SessionEvent evt)
    {
        if (evt.RequestId is not { } id || evt is not (ResponseAcceptedEvent or ErrorEvent) || !_byRequestId.TryRemove(id, out var entry))
        {
            return;
        }

        if (evt is ErrorEvent error)
        {
            entry.Acknowledged.TrySetException(ApprovalAnswerException.From(error, entry.Frame.Data.ApprovalId));
        }
        else
        {
            entry.Acknowledged.TrySetResult((ResponseAcceptedEvent)evt);
        }
    }

    /// <summary>
    /// After a resume: the answers to send again (their approval is still pending); the others are settled as taken.
    /// </summary>
    public IReadOnlyList<SendResponseFrame> AfterResume(IReadOnlyCollection<string> pendingApprovals)
    {
        var again = new List<SendResponseFrame>();
        foreach (var (id, entry) in _byRequestId.ToArray())
        {
            if (pendingApprovals.Contains(entry.Frame.Data.ApprovalId))
            {
                again.Add(entry.Frame);
            }
            else if (_byRequestId.TryRemove(id, out _))
            {
                // The engine no longer waits for this approval: it took the answer before the drop.
                entry.Acknowledged.TrySetResult(null);
            }
        }

        return again;
    }

    /// <summary>Fails every waiting answer (the session ended; nothing will acknowledge them now).</summary>
    public void FailAll(Exception error)
    {
        foreach (var id in _byRequestId.Keys)
        {
            if (_byRequestId.TryRemove(id, out var entry) && entry.Acknowledged.TrySetException(error))
            {
                _ = entry.Acknowledged.Task.Exception; // the caller may have stopped waiting (cancelled): observed either way
            }
        }
    }

    private sealed class Entry(SendResponseFrame frame)
    {
        public SendResponseFrame Frame { get; } = frame;

        public TaskCompletionSource<ResponseAcceptedEvent?> Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
