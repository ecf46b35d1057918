using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;

namespace Sessions.Reliability.Tests.Network;

/// <summary>One turn a session runs through the proxy: what to post, and how to answer its approval (null: none expected).</summary>
public sealed record PlannedTurn(string Text, string ExpectedText, bool? Approve, string? DenyReason = null);

/// <summary>
/// Many concurrent sessions through a <see cref="FaultProxy"/>, each running its planned turns with one listener from
/// before its first post, doing what a careful application does under faults: a post that failed is posted again only
/// if the history does not have it; an answer that failed is given again (answers are idempotent). Everything is
/// counted; <see cref="FaultRunResult"/> says what went wrong.
/// </summary>
public sealed class FaultRun
{
    private readonly LocalEngine _engine;
    private readonly FaultProxy _proxy;
    private readonly TimeSpan _hangLimit;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _sessionExceptions = new();
    private long _eventsChecked;
    private long _lost;
    private long _duplicated;
    private long _reordered;
    private long _hangs;
    private long _turns;
    private long _reposts;
    private long _reanswers;
    private long _disposalsOverLimit;

    public FaultRun(LocalEngine engine, FaultProxy proxy, TimeSpan hangLimit)
    {
        _engine = engine;
        _proxy = proxy;
        _hangLimit = hangLimit;
    }

    public async Task<FaultRunResult> RunAsync(int sessions, Func<int, IReadOnlyList<PlannedTurn>> plan)
    {
        using var client = Engines.Client(_proxy.BaseAddress, _engine.ApiKey, o =>
        {
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(250);
            o.DeadPeerTimeout = TimeSpan.FromSeconds(1.5);
            o.RequestTimeout = TimeSpan.FromSeconds(5);
            o.ConnectTimeout = TimeSpan.FromSeconds(5);
            o.ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(150), MaxAttempts = 10_000 };
        });
        // Every session is created (and its listener registered) before any turn. With createUnderFaults false the faults
        // are armed only then; the sessions' first connections stay in the run and get cut like any other.
        using var setup = new CancellationTokenSource(_hangLimit);
        var created = await Task.WhenAll(Enumerable.Range(0, sessions).Select(i => Task.Run(() => TryCreateAsync(client, i, setup.Token))));
        _proxy.Arm();
        await Task.WhenAll(created.Select((session, i) => Task.Run(() => RunSessionAsync(session, i, plan(i)))));
        return new FaultRunResult(
            _proxy.Seed, _proxy.Figures, Volatile.Read(ref _turns), Volatile.Read(ref _eventsChecked), Volatile.Read(ref _lost), Volatile.Read(ref _duplicated),
            Volatile.Read(ref _reordered), Volatile.Read(ref _hangs), Volatile.Read(ref _reposts), Volatile.Read(ref _reanswers), Volatile.Read(ref _disposalsOverLimit),
            _sessionExceptions.ToDictionary(), [.. _problems]);
    }

    private async Task<(Session Session, IAsyncEnumerator<SessionEvent> Events, CancellationTokenSource Guard)?> TryCreateAsync(SessionClient client, int index, CancellationToken cancellationToken)
    {
        try
        {
            var session = await CreateAsync(client, cancellationToken);
            var guard = new CancellationTokenSource(_hangLimit);
            return (session, session.ListenAsync(maxQueue: 0, cancellationToken: guard.Token).GetAsyncEnumerator(guard.Token), guard);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _hangs);
            _problems.Enqueue($"session {index}: not created within {_hangLimit.TotalSeconds} s (hang)");
            return null;
        }
    }

    private async Task RunSessionAsync((Session Session, IAsyncEnumerator<SessionEvent> Events, CancellationTokenSource Guard)? created, int index, IReadOnlyList<PlannedTurn> turns)
    {
        if (created is not var (session, events, guard))
        {
            return;
        }

        _stageIndex.Value = index;

        try
        {
            var seen = new List<SessionEvent>();
            try
            {
                foreach (var turn in turns)
                {
                    if (!await TurnAsync(session, events, turn, seen, guard.Token))
                    {
                        Interlocked.Increment(ref _hangs);
                        _problems.Enqueue($"session {index} ({session.SessionId}): no message_complete for \"{turn.Text}\" within {_hangLimit.TotalSeconds} s (hang); {seen.Count} events seen; {await PendingInEngineAsync(session.SessionId!)}");
                        return;
                    }

                    Interlocked.Increment(ref _turns);
                }
            }
            finally
            {
                await events.DisposeAsync();
            }

            Check(index, session.SessionId!, seen, turns);
        }
        catch (SessionException exception) when (guard.IsCancellationRequested)
        {
            Interlocked.Increment(ref _hangs);
            _problems.Enqueue($"session {index}: hang, ended by {exception.GetType().Name}: {exception.Message}");
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            Interlocked.Increment(ref _hangs);
            var stored = _engine.GetStoredEvents(session.SessionId!);
            _problems.Enqueue($"session {index} ({session.SessionId}): hang (the limit of {_hangLimit.TotalSeconds} s passed) while {_stage.GetValueOrDefault(index)}; state {session.State}, last seq seen {session.LastSeq}, engine's last stored seq {stored.LastOrDefault()?.Seq}, last stored kind {stored.LastOrDefault()?.Type}");
        }
        catch (Exception exception)
        {
            _problems.Enqueue($"session {index}: {(exception is SessionException ? "gave up on" : "unexpected")} {exception.GetType().FullName}: {exception}");
        }
        finally
        {
            guard.Dispose();

            // Disposal is bounded: a generous limit, to catch a hang, not to time it.
            var disposing = session.DisposeAsync().AsTask();
            if (await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(15))) != disposing)
            {
                Interlocked.Increment(ref _disposalsOverLimit);
                _problems.Enqueue($"session {index}: DisposeAsync did not end within 15 s");
                _ = disposing.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
            else if (disposing.Exception is { } failed)
            {
                _problems.Enqueue($"session {index}: DisposeAsync threw {failed.InnerException}");
            }
        }
    }

    /// <summary>What the engine itself says is pending (asked directly, not through the proxy): tells a lost answer from other hangs.</summary>
    private async Task<string> PendingInEngineAsync(string sessionId)
    {
        using var history = new HistoryClient(_engine.BaseAddress, new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential(_engine.ApiKey)), http: null, handler: null, TimeSpan.FromSeconds(10));
        var pending = await history.GetPendingApprovalsAsync(sessionId, CancellationToken.None);
        return pending.Count == 0 ? "no approval pending in the engine" : $"the engine still waits for the answer to {string.Join(", ", pending.Select(p => p.ApprovalId))} (the answer was lost)";
    }

    private async Task<Session> CreateAsync(SessionClient client, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await client.Agent("agent-1").CreateSessionAsync(cancellationToken);
            }
            catch (SessionException exception) when (!cancellationToken.IsCancellationRequested)
            {
                Count(exception);
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    /// <summary>One turn; false when the hang limit passed before its <c>message_complete</c>.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _stage = new();
    private readonly AsyncLocal<int> _stageIndex = new();

    private async Task<bool> TurnAsync(Session session, IAsyncEnumerator<SessionEvent> events, PlannedTurn turn, List<SessionEvent> seen, CancellationToken cancellationToken)
    {
        var index = _stageIndex.Value;
        _stage[index] = "posting " + turn.Text;
        await PostOnceAsync(session, turn.Text, cancellationToken);
        _stage[index] = "listening after posting " + turn.Text;
        while (await events.MoveNextAsync())
        {
            var evt = events.Current;
            seen.Add(evt);
            if (evt is ApprovalRequestEvent request)
            {
                if (turn.Approve is not { } approve)
                {
                    _problems.Enqueue($"{session.SessionId}: an approval_request in a turn that asked for none");
                    return true;
                }

                await AnswerAsync(session, request, approve, turn.DenyReason, cancellationToken);
            }

            if (evt is MessageCompleteEvent)
            {
                return true;
            }
        }

        return false;
    }

    private async Task PostOnceAsync(Session session, string text, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await session.SendAsync(text, cancellationToken);
                return;
            }
            catch (SessionException exception) when (!cancellationToken.IsCancellationRequested)
            {
                Count(exception);
            }

            // Did the engine store it before the connection failed? Then the turn runs; posting again would start another.
            if (await HistoryHasAsync(session, text, cancellationToken))
            {
                return;
            }

            Interlocked.Increment(ref _reposts);
        }
    }

    private async Task<bool> HistoryHasAsync(Session session, string text, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var messages = await session.GetMessagesAsync(cancellationToken);
                return messages.Any(m => m.Sender.Role == SessionMessageRole.User && m.Text == text);
            }
            catch (SessionException exception) when (!cancellationToken.IsCancellationRequested)
            {
                Count(exception);
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private async Task AnswerAsync(Session session, ApprovalRequestEvent request, bool approve, string? denyReason, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await session.RespondApprovalAsync(request, approve, denyReason: approve ? null : denyReason, cancellationToken: cancellationToken);
                return;
            }
            catch (SessionException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The engine takes the same answer again as a success: giving it again is safe.
                Count(exception);
                Interlocked.Increment(ref _reanswers);
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private void Check(int index, string sessionId, List<SessionEvent> seen, IReadOnlyList<PlannedTurn> turns)
    {
        var stored = _engine.GetStoredEvents(sessionId);
        var storedSeqs = stored.Select(e => e.Seq!.Value).ToList();
        var delivered = seen.Where(e => e.Seq is not null).Select(e => e.Seq!.Value).ToList();
        Interlocked.Add(ref _eventsChecked, storedSeqs.Count);
        var lost = storedSeqs.Except(delivered).Count();
        var duplicated = delivered.Count - delivered.Distinct().Count();
        var reordered = delivered.Zip(delivered.Skip(1)).Count(pair => pair.Second <= pair.First);
        Interlocked.Add(ref _lost, lost);
        Interlocked.Add(ref _duplicated, duplicated);
        Interlocked.Add(ref _reordered, reordered);
        if (lost + duplicated + reordered > 0 || !storedSeqs.SequenceEqual(delivered))
        {
            _problems.Enqueue($"session {index} ({sessionId}): stored {storedSeqs.Count}, delivered {delivered.Count}, lost {lost}, duplicated {duplicated}, out of order {reordered}");
        }

        var completes = stored.OfType<MessageCompleteEvent>().ToList();
        if (completes.Count != turns.Count)
        {
            _problems.Enqueue($"session {index} ({sessionId}): {completes.Count} replies stored for {turns.Count} turns");
            return;
        }

        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            var complete = completes[i];
            if (complete.Data.Text != turn.ExpectedText)
            {
                _problems.Enqueue($"session {index} turn {i}: the reply is \"{Shorten(complete.Data.Text)}\", not \"{Shorten(turn.ExpectedText)}\"");
            }

            // Applied exactly once, as decided: one approval request and one tool run when approved, none when denied.
            var ofMessage = stored.Where(e => e.MessageId == complete.MessageId).ToList();
            var requests = ofMessage.Count(e => e is ApprovalRequestEvent);
            var toolRuns = ofMessage.Count(e => e is ToolResultEvent);
            var expectedRuns = turn.Approve == true ? 1 : 0;
            if (requests != (turn.Approve is null ? 0 : 1) || toolRuns != expectedRuns)
            {
                _problems.Enqueue($"session {index} turn {i}: {requests} approval requests and {toolRuns} tool runs; expected {(turn.Approve is null ? 0 : 1)} and {expectedRuns}");
            }
        }
    }

    private void Count(SessionException exception) => _sessionExceptions.AddOrUpdate(exception.GetType().Name, 1, static (_, n) => n + 1);

    private static string? Shorten(string? text) => text is { Length: > 80 } ? text[..40] + "..." + text[^30..] : text;
}

/// <summary>The figures of one <see cref="FaultRun"/>.</summary>
public sealed record FaultRunResult(
    int Seed,
    FaultFigures Faults,
    long Turns,
    long EventsChecked,
    long Lost,
    long Duplicated,
    long Reordered,
    long Hangs,
    long Reposts,
    long Reanswers,
    long DisposalsOverLimit,
    IReadOnlyDictionary<string, int> SessionExceptions,
    IReadOnlyList<string> Problems);
