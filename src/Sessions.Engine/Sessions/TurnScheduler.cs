using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Diagnostics;

namespace Sessions.Engine.Sessions;

/// <summary>
/// Runs a session's turns one after another. Posts queue here; a turn starts once no post has arrived for a fold
/// window, and takes every post that arrived by then, so quick sends share one turn and one <c>message_complete</c>.
/// </summary>
/// <remarks>
/// The loop belongs to the session, not to a connection: a client that drops mid-turn does not stop it.
/// </remarks>
internal sealed class TurnScheduler
{
    /// <summary>The longest a turn waits for quiet, in fold windows.</summary>
    public const int MaxFoldWindows = 10;

    private readonly Channel<IReadOnlyList<UserMessage>> posts = Channel.CreateUnbounded<IReadOnlyList<UserMessage>>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly EngineSession session;
    private readonly IAgent agent;
    private readonly TimeSpan foldWindow;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    // How many posts were ever queued: the fold compares it across a window to tell whether the session was quiet.
    private long queued;

    public TurnScheduler(EngineSession session, IAgent agent, TimeSpan foldWindow, TimeProvider timeProvider, ILogger logger)
    {
        this.session = session;
        this.agent = agent;
        this.foldWindow = foldWindow;
        this.timeProvider = timeProvider;
        this.logger = logger;
        Completion = Task.Run(() => PumpAsync(session.Lifetime));
    }

    /// <summary>Completes when the session ends and its last turn has stopped.</summary>
    public Task Completion { get; }

    /// <summary>Queues posted messages for the next turn that has not started yet.</summary>
    public void Enqueue(IReadOnlyList<UserMessage> messages)
    {
        Interlocked.Increment(ref queued);
        posts.Writer.TryWrite(messages);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await posts.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await FoldAsync(cancellationToken).ConfigureAwait(false);
                var batch = new List<UserMessage>();
                while (posts.Reader.TryRead(out var posted))
                {
                    batch.AddRange(posted);
                }

                await RunTurnAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Terminated or engine stopping: the turn is abandoned, as the session is.
        }
#pragma warning disable CA1031 // Logged, not rethrown: nobody awaits this loop until shutdown.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.TurnLoopFailed(logger, exception, session.Id);
        }
    }

    /// <summary>
    /// Waits until no post has arrived for a whole fold window, so a burst of sends shares one turn however the sends
    /// are spread; a steady stream of posts still gets its turn after <see cref="MaxFoldWindows"/> windows.
    /// </summary>
    private async Task FoldAsync(CancellationToken cancellationToken)
    {
        if (foldWindow <= TimeSpan.Zero)
        {
            return;
        }

        var seen = Interlocked.Read(ref queued);
        for (var window = 0; window < MaxFoldWindows; window++)
        {
            await Task.Delay(foldWindow, timeProvider, cancellationToken).ConfigureAwait(false);
            var now = Interlocked.Read(ref queued);
            if (now == seen)
            {
                return;
            }

            seen = now;
        }
    }

    private async Task RunTurnAsync(List<UserMessage> messages, CancellationToken cancellationToken)
    {
        var turn = new AgentTurn(session, session.Info, EngineIds.NewMessageId(), messages, timeProvider);
        Log.TurnStarted(logger, session.Id, turn.MessageId, messages.Count);
        try
        {
            await agent.RunTurnAsync(turn, cancellationToken).ConfigureAwait(false);
            turn.CompleteIfOpen();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a user's agent ends its turn, never the session or the engine.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.AgentFailed(logger, exception, session.Id, turn.MessageId);
            turn.FailIfOpen("The agent failed: " + exception.Message);
        }
    }
}
