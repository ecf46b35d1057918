using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Lifetimes;

/// <summary>
/// Must hold (6), cancellation at every await: each public operation is cancelled at its k-th observable step (every
/// frame sent or received and every log line is a step; k = 0 is a token cancelled before the call) for every k until the
/// operation finishes first, and then at a few random moments. The operation completes or throws
/// OperationCanceledException, never hangs, leaves no connection open, and leaves the session usable: still able to
/// send, and still able to reconnect after a drop.
/// </summary>
public sealed class CancellationTests
{
    private readonly ITestOutputHelper _output;

    public CancellationTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Operations() => new[]
    {
        "Create", "Resume", "Send", "SendMany", "RespondApproval", "Listen", "History", "Disconnect", "Terminate", "TerminateDisconnected", "Run",
    }.Select(o => new object[] { o });

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Cancelling_an_operation_at_any_step_leaves_the_session_consistent(string operation)
    {
        var engineLogs = new CapturingLoggerFactory();
        var engineOpened = engineLogs.Count(Engines.EngineCategory, 30);
        var engineClosed = engineLogs.Count(Engines.EngineCategory, 31);
        await using var engine = await Engines.StartAsync(o => o.LoggerFactory = engineLogs);
        var logs = new CapturingLoggerFactory();
        var reconnected = logs.Count(Engines.ClientCategory, 4);
        using var client = Engines.Client(engine, o => o.LoggerFactory = logs);
        using var open = new OpenConnections();
        var random = new Random(Environment.TickCount);
        var tried = 0;
        var outcomes = new Dictionary<string, int>();

        for (var k = 0; k < 60; k++)
        {
            var randomMoment = k >= 50; // the last ten runs cancel after a random 0-20 ms instead of at a step
            var run = await PrepareAsync(operation, client, engine);
            using var cancellation = new CancellationTokenSource();
            var steps = 0;
            if (k == 0)
            {
                cancellation.Cancel();
            }
            else if (randomMoment)
            {
                cancellation.CancelAfter(random.Next(0, 20));
            }
            else
            {
                logs.OnLine = line =>
                {
                    if (Interlocked.Increment(ref steps) == k)
                    {
                        cancellation.Cancel();
                    }
                };
            }

            Exception? thrown = null;
            try
            {
                await run.Operation(cancellation.Token).WaitAsync(Within.Limit);
            }
            catch (Exception exception) when (exception is not TimeoutException)
            {
                thrown = exception;
            }
            finally
            {
                logs.OnLine = null;
            }

            tried++;
            var outcome = thrown is null ? "completed" : thrown.GetType().Name;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            Assert.True(
                thrown is null || (thrown is OperationCanceledException && cancellation.IsCancellationRequested && operation != "Listen"),
                $"{operation} cancelled at step {k}: {thrown}");

            // The session is consistent: if still connected it sends, and it still reconnects after a drop.
            _output.WriteLine($"step {k}: {outcome}, then {run.Session?.State.ToString() ?? "no session"}");
            if (run.Session is { State: SessionState.Connected } session)
            {
                await session.SendAsync("still usable", Within.Token());
                var before = reconnected.Value;
                engine.Faults.DropAfterEvents(session.SessionId!, 0); // before the next event: this ack, or one of a turn still running
                try
                {
                    await session.SendAsync("dropped before its ack", Within.Token());
                }
                catch (SessionDisconnectedException)
                {
                    // The drop took the ack with it; an earlier event may have taken the drop instead.
                }

                await reconnected.WaitForAsync(before + 1, Within.Token());
                await session.SendAsync("usable after the reconnect", Within.Token());
            }

            if (run.Session is not null)
            {
                await run.Session.DisposeAsync();
            }

            Assert.Equal(0, open.Open); // no receive loop left running
            if (!randomMoment && k > 0 && Volatile.Read(ref steps) < k)
            {
                k = 49; // the operation finished before step k: every step was tried; now the random moments
            }
        }

        await engineClosed.WaitForAsync(engineOpened.Value, Within.Token());
        Figures.Report(_output, "6 cancellation", operation + ": cancellation points tried", tried);
        _output.WriteLine("  outcomes: " + string.Join(", ", outcomes.Select(o => o.Key + "=" + o.Value)));
    }

    private sealed class Run(Session? session, Func<CancellationToken, Task> operation)
    {
        public Session? Session { get; set; } = session;

        public Func<CancellationToken, Task> Operation { get; } = operation;
    }

    private static async Task<Run> PrepareAsync(string operation, SessionClient client, LocalEngine engine)
    {
        var agent = client.Agent("agent-1");
        switch (operation)
        {
            case "Create":
            {
                Run? run = null;
                run = new Run(null, async token => run!.Session = await agent.CreateSessionAsync(token));
                return run;
            }

            case "Resume":
            {
                string id;
                await using (var first = await agent.CreateSessionAsync(Within.Token()))
                {
                    id = first.SessionId!;
                }

                var session = client.GetSession(id);
                return new Run(session, token => session.ConnectAsync(token));
            }

            case "RespondApproval":
            {
                var session = await agent.CreateSessionAsync(Within.Token());
                var approvals = session.ListenAsync<ApprovalRequestEvent>(cancellationToken: Within.Token()).GetAsyncEnumerator();
                await session.SendAsync("approve", Within.Token());
                Assert.True(await approvals.MoveNextAsync());
                var request = approvals.Current;
                await approvals.DisposeAsync();
                return new Run(session, token => session.RespondApprovalAsync(request, true, cancellationToken: token));
            }

            case "Run":
                return new Run(null, token => agent.RunAsync("count 20", new RunOptions(), token));

            case "TerminateDisconnected":
            {
                var session = await agent.CreateSessionAsync(Within.Token());
                await session.DisconnectAsync(Within.Token());
                return new Run(session, token => session.TerminateAsync(token));
            }

            default:
            {
                var session = await agent.CreateSessionAsync(Within.Token());
                return new Run(session, operation switch
                {
                    "Send" => token => session.SendAsync("hello", token),
                    "SendMany" => token => session.SendManyAsync(new UserSessionMessage[] { "one", "two" }, token),
                    "History" => token => session.GetMessagesAsync(token),
                    "Disconnect" => token => session.DisconnectAsync(token),
                    "Terminate" => token => session.TerminateAsync(token),
                    "Listen" => async token =>
                    {
                        // Cancelling the listening token ends the enumeration quietly, as documented.
                        var events = session.ListenAsync(maxQueue: 0, cancellationToken: token);
                        await session.SendAsync("count 20", Within.Token());
                        await foreach (var evt in events)
                        {
                            if (evt.IsComplete)
                            {
                                break;
                            }
                        }
                    },
                    _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
                });
            }
        }
    }
}
