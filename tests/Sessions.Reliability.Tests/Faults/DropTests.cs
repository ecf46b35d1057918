using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Faults;

/// <summary>
/// Must hold (1): a 2,000-event conversation with the socket cut at 50 random points (engine fault injection): the
/// consumer sees every <c>seq</c> exactly once, in order, and the turn completes.
/// </summary>
public sealed class DropTests
{
    private const int Events = 2_000; // message_streaming + 1,998 deltas + message_complete
    private const int Cuts = 50;

    private readonly ITestOutputHelper _output;

    public DropTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_2000_event_turn_cut_50_times_reaches_the_consumer_whole_once_and_in_order()
    {
        var seed = Environment.TickCount;
        _output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var deltas = Events - 2;

        // 50 distinct random points of the reply; at each the socket is cut after 0..3 more event frames (the next
        // cut is not armed before the previous one was survived, so each fault claims its own connection).
        var points = Enumerable.Range(0, deltas).OrderBy(_ => random.Next()).Take(Cuts).Order().ToArray();
        var logs = new CapturingLoggerFactory();
        var reconnected = logs.Count(Engines.ClientCategory, 4);
        var lost = logs.Count(Engines.ClientCategory, 3);
        LocalEngine? engine = null;
        string? sessionId = null;
        var agent = new CuttingAgent(deltas, points, async (cut, gap, cancellationToken) =>
        {
            await reconnected.WaitForAsync(cut, cancellationToken);
            engine!.Faults.DropAfterEvents(sessionId!, random.Next(0, Math.Min(3, gap - 1) + 1));
        });

        await using (engine = await Engines.StartAsync(o => o.Agent = agent))
        {
            using var client = Engines.Client(engine, o => o.LoggerFactory = logs);
            await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            sessionId = session.SessionId;
            var listening = session.ListenAsync(maxQueue: 0);

            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await session.SendAsync("go", guard.Token);
            var seen = new List<SessionEvent>();
            await foreach (var evt in listening.WithCancellation(guard.Token))
            {
                seen.Add(evt);
                if (evt is MessageCompleteEvent)
                {
                    break;
                }
            }

            var stored = engine.GetStoredEvents(sessionId!).Select(e => e.Seq!.Value).ToList();
            var delivered = seen.Where(e => e.Seq is not null).Select(e => e.Seq!.Value).ToList();
            var complete = Assert.IsType<MessageCompleteEvent>(seen[^1]);

            Figures.Report(_output, "1 drops", "socket cuts survived", reconnected.Value);
            Figures.Report(_output, "1 drops", "events delivered", delivered.Count);
            Figures.Report(_output, "1 drops", "events stored by the engine", stored.Count);

            Assert.Equal(Cuts, lost.Value);
            Assert.Equal(Cuts, reconnected.Value);
            Assert.Equal(Events, stored.Count);
            Assert.Equal(stored, delivered); // every seq, once, in order
            Assert.Equal(SessionMessageStatus.Complete, complete.Data.Status);
            Assert.Equal(CuttingAgent.Reply(deltas), string.Concat(seen.OfType<MessageDeltaEvent>().Select(d => d.Delta)));
            Assert.Equal(CuttingAgent.Reply(deltas), complete.Text);
            Assert.Equal(SessionState.Connected, session.State);
        }
    }

    /// <summary>Streams <c>1 2 3 ...</c>, one delta each, and before the delta at each cut point arms the next cut.</summary>
    private sealed class CuttingAgent(int deltas, int[] points, Func<int, int, CancellationToken, Task> beforeCut) : IAgent
    {
        public static string Reply(int deltas)
        {
            var text = new StringBuilder();
            for (var i = 1; i <= deltas; i++)
            {
                text.Append(i == 1 ? "1" : " " + i);
            }

            return text.ToString();
        }

        public async Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken)
        {
            var next = 0;
            for (var i = 0; i < deltas; i++)
            {
                if (next < points.Length && points[next] == i)
                {
                    // Events that still go out after this point: up to the next cut, or to the end (+ message_complete).
                    var gap = (next + 1 < points.Length ? points[next + 1] : deltas + 1) - i;
                    using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    guard.CancelAfter(Within.Limit);
                    await beforeCut(next, gap, guard.Token);
                    next++;
                }

                await turn.DeltaAsync(i == 0 ? "1" : " " + (i + 1), cancellationToken);
            }

            await turn.CompleteAsync(cancellationToken: cancellationToken);
        }
    }
}
