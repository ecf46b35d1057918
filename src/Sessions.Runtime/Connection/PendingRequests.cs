using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace Sessions.Connection;

/// <summary>Frames that await an answer, by request id; failed together when the connection ends.</summary>
internal sealed class PendingRequests
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SessionEvent>> _pending = new(StringComparer.Ordinal);

    public Task<SessionEvent> Register(string requestId)
    {
        var completion = new TaskCompletionSource<SessionEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = completion;
        return completion.Task;
    }

    public void Forget(string requestId) => _pending.TryRemove(requestId, out _);

    /// <summary>Completes the request a received event answers: an error fails it, anything else succeeds.</summary>
    public void Answer(SessionEvent evt)
    {
        if (evt.RequestId is not { } id || !_pending.TryRemove(id, out var completion))
        {
            return;
        }

        if (evt is ErrorEvent error)
        {
            Fail(completion, EngineErrors.ToException(error));
        }
        else
        {
            completion.TrySetResult(evt);
        }
    }

    public void FailAll(Exception error)
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var completion))
            {
                Fail(completion, error);
            }
        }
    }

    /// <summary>Fails a request, marked observed: its caller may have stopped waiting (cancelled, or its send failed first).</summary>
    private static void Fail(TaskCompletionSource<SessionEvent> completion, Exception error)
    {
        if (completion.TrySetException(error))
        {
            _ = completion.Task.Exception;
        }
    }
}
