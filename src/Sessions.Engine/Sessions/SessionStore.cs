using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Diagnostics;

namespace Sessions.Engine.Sessions;

/// <summary>Every session of the engine, live or terminated. In memory only: sessions end with the engine.</summary>
internal sealed class SessionStore : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LiveSession> live = new(StringComparer.Ordinal);

    // Terminated sessions leave their owner behind, so that the owner's later connect gets "terminated", not "not found".
    private readonly ConcurrentDictionary<string, string> terminated = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly IAgent agent;
    private readonly TimeSpan foldWindow;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    public SessionStore(IAgent agent, TimeSpan foldWindow, TimeProvider timeProvider, ILogger logger)
    {
        this.agent = agent;
        this.foldWindow = foldWindow;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Creates a session owned by <paramref name="owner"/>.</summary>
    public EngineSession Create(string owner, string? agentId, string? chatbotId, IReadOnlyDictionary<string, JsonElement>? metadata)
    {
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        var info = new SessionInfo(EngineIds.NewSessionId(), owner, agentId, chatbotId, metadata, timeProvider.GetUtcNow());
        var session = new EngineSession(info, timeProvider, stopping.Token);
        var entry = new LiveSession(session, new TurnScheduler(session, agent, foldWindow, timeProvider, logger));
        live[info.Id] = entry;
        Log.SessionCreated(logger, info.Id);
        return session;
    }

    /// <summary>
    /// Finds a session for <paramref name="owner"/>. Another key's session, live or terminated, is <see cref="SessionLookup.NotFound"/>
    /// like an id nobody uses: a key cannot tell whether another key's session exists.
    /// </summary>
    public SessionLookup Find(string sessionId, string owner, out EngineSession? session)
    {
        session = null;
        if (live.TryGetValue(sessionId, out var entry))
        {
            if (!string.Equals(entry.Session.Info.Owner, owner, StringComparison.Ordinal))
            {
                return SessionLookup.NotFound;
            }

            session = entry.Session;
            return SessionLookup.Found;
        }

        if (terminated.TryGetValue(sessionId, out var formerOwner) && string.Equals(formerOwner, owner, StringComparison.Ordinal))
        {
            return SessionLookup.Terminated;
        }

        return SessionLookup.NotFound;
    }

    /// <summary>Queues posted messages for the session's next turn.</summary>
    public void QueueTurn(EngineSession session, IReadOnlyList<UserMessage> messages)
    {
        if (live.TryGetValue(session.Id, out var entry))
        {
            entry.Turns.Enqueue(messages);
        }
    }

    /// <summary>Destroys a session: it stops, its connections close with 4001, and it can never be resumed.</summary>
    public void Terminate(EngineSession session)
    {
        terminated[session.Id] = session.Info.Owner;
        if (live.TryRemove(session.Id, out _))
        {
            session.Terminate();
            Log.SessionTerminated(logger, session.Id);
        }
    }

    /// <summary>The live session with this id, whoever owns it (for tests and diagnostics).</summary>
    public EngineSession? Get(string sessionId) => live.TryGetValue(sessionId, out var entry) ? entry.Session : null;

    /// <summary>Stops every turn and waits for them a bounded time: an agent that ignores cancellation cannot hang shutdown.</summary>
    public async ValueTask StopAsync(TimeSpan timeout)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        var turns = live.Values.Select(entry => entry.Turns.Completion).ToArray();
        try
        {
            await Task.WhenAll(turns).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.TurnsOutlivedShutdown(logger, turns.Count(t => !t.IsCompleted));
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await StopAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private sealed record LiveSession(EngineSession Session, TurnScheduler Turns);
}

/// <summary>The outcome of <see cref="SessionStore.Find"/>.</summary>
internal enum SessionLookup
{
    /// <summary>Live and owned by the caller.</summary>
    Found,

    /// <summary>No such session visible to the caller: an unknown id, or another API key's session.</summary>
    NotFound,

    /// <summary>Terminated; it cannot be resumed.</summary>
    Terminated,
}
