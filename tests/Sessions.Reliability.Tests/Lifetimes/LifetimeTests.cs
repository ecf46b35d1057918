using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Lifetimes;

/// <summary>Where a session is when it is ended.</summary>
public enum From
{
    ConnectingUpgrade,   // the TCP connection is accepted, the HTTP upgrade never answered
    ConnectingCreate,    // the socket is open, create_session never answered (engine stalled)
    Connected,
    MidTurn,
    Reconnecting,        // dropped, waiting out the reconnect policy's delay
    ReconnectingAttempt, // dropped, a reconnect attempt under way (its connect_session never answered)
    WaitingForApproval,
    Disconnected,
    Terminated,
    Disposed,
}

/// <summary>How it is ended.</summary>
public enum End
{
    Dispose,
    Disconnect,
    Terminate,
}

/// <summary>
/// Must hold (6): dispose, disconnect and terminate from every state (connecting, mid-turn, reconnecting, waiting for
/// approval, already closed): never throws out of dispose, never hangs past the close timeout, no task left running
/// (checked: the runtime's open-connection count is back to zero, the session's receive and reconnect loops have
/// completed, and the engine has ended every connection it accepted).
/// </summary>
public sealed class LifetimeTests : IClassFixture<LifetimeTests.EngineFixture>
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The bound an end must meet: the close timeout, plus room for a busy 2-core machine. A bound, not a goal.</summary>
    private static readonly TimeSpan Bound = CloseTimeout + TimeSpan.FromSeconds(3);

    private readonly EngineFixture _fixture;
    private readonly ITestOutputHelper _output;

    public LifetimeTests(EngineFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static IEnumerable<object[]> Cases()
        => Enum.GetValues<From>().SelectMany(start => Enum.GetValues<End>().Select(stop => new object[] { start, stop }));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ending_a_session_from_any_state_returns_in_bounded_time_and_leaves_nothing_running(From from, End end)
    {
        var engine = _fixture.Engine;
        var engineOpened = _fixture.Logs.Count(Engines.EngineCategory, 30);
        var engineClosed = _fixture.Logs.Count(Engines.EngineCategory, 31);
        var clientLogs = new CapturingLoggerFactory();
        using var open = new OpenConnections();
        var cleanup = new List<IDisposable>();
        Task? connecting = null;
        TcpListener? silent = null;
        var policy = from == From.Reconnecting ? (IReconnectPolicy)new HoldPolicy() : new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = 20 };
        SessionClient client;
        if (from == From.ConnectingUpgrade)
        {
            silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            client = Engines.Client(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"), engine.ApiKey, Configure);
        }
        else
        {
            client = Engines.Client(engine, Configure);
        }

        void Configure(SessionClientOptions o)
        {
            o.LoggerFactory = clientLogs;
            o.CloseTimeout = CloseTimeout;
            o.ReconnectPolicy = policy;
        }

        using var _ = client;
        var sent = clientLogs.Count(Engines.ClientCategory, 9);
        var lost = clientLogs.Count(Engines.ClientCategory, 3);
        Session session;
        var loops = new List<Task>();
        using var guard = new CancellationTokenSource(Within.Limit);

        // Bring the session to the state.
        switch (from)
        {
            case From.ConnectingUpgrade:
                session = SessionInternals.NewSession(client, "agent-1");
                var accepted = silent!.AcceptTcpClientAsync(guard.Token).AsTask();
                connecting = session.ConnectAsync(guard.Token);
                cleanup.Add(await accepted);
                break;

            case From.ConnectingCreate:
                cleanup.Add(engine.Faults.ForNextConnection().Stall());
                session = SessionInternals.NewSession(client, "agent-1");
                connecting = session.ConnectAsync(guard.Token);
                await sent.WaitForAsync(1, guard.Token); // create_session is on its way; the answer will not come
                break;

            default:
                session = await client.Agent("agent-1").CreateSessionAsync(guard.Token);
                break;
        }

        switch (from)
        {
            case From.MidTurn:
                var deltas = session.ListenAsync<MessageDeltaEvent>(cancellationToken: guard.Token).GetAsyncEnumerator();
                await session.SendAsync("count 1000 delay 2", guard.Token);
                Assert.True(await deltas.MoveNextAsync());
                break;

            case From.WaitingForApproval:
                var approvals = session.ListenAsync<ApprovalRequestEvent>(cancellationToken: guard.Token).GetAsyncEnumerator();
                await session.SendAsync("approve", guard.Token);
                Assert.True(await approvals.MoveNextAsync());
                break;

            case From.Reconnecting or From.ReconnectingAttempt:
                if (from == From.ReconnectingAttempt)
                {
                    cleanup.Add(engine.Faults.ForNextConnection().Stall());
                }

                loops.Add(SessionInternals.ReceiveLoop(session)!);
                engine.Faults.DropAfterEvents(session.SessionId!, 0);
                var sentBefore = sent.Value;
                await Assert.ThrowsAsync<SessionDisconnectedException>(() => session.SendAsync("the ack of this is never sent", guard.Token));
                await lost.WaitForAsync(1, guard.Token);
                if (from == From.ReconnectingAttempt)
                {
                    await sent.WaitForAsync(sentBefore + 2, guard.Token); // the post, then the attempt's connect_session
                }

                Assert.Equal(SessionState.Reconnecting, session.State);
                break;

            case From.Disconnected:
                await session.DisconnectAsync(guard.Token);
                break;

            case From.Terminated:
                await session.TerminateAsync(guard.Token);
                break;

            case From.Disposed:
                await session.DisposeAsync();
                break;
        }

        if (SessionInternals.ReceiveLoop(session) is { } receiveLoop)
        {
            loops.Add(receiveLoop);
        }

        var id = session.SessionId;

        // End it.
        Exception? thrown = null;
        var returned = true;
        var clock = Stopwatch.StartNew();
        var ending = end switch
        {
            End.Dispose => session.DisposeAsync().AsTask(),
            End.Disconnect => session.DisconnectAsync(CancellationToken.None),
            _ => session.TerminateAsync(CancellationToken.None),
        };
        try
        {
            // The only bound: an end that has not returned by then counts as a hang (not as slow).
            await ending.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            returned = false;
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        var elapsed = clock.Elapsed;
        Exception? connectOutcome = null;
        if (connecting is not null)
        {
            try
            {
                await connecting.WaitAsync(Within.Limit);
            }
            catch (Exception exception) when (exception is not TimeoutException)
            {
                connectOutcome = exception;
            }
        }

        var state = session.State;
        await session.DisposeAsync(); // and again: never throws
        foreach (var disposable in cleanup)
        {
            disposable.Dispose(); // releases the engine's stalls, so its side can end too
        }

        silent?.Stop();
        loops.Add(SessionInternals.ReconnectLoop(session));
        await engineClosed.WaitForAsync(engineOpened.Value, guard.Token); // every connection the engine accepted has ended

        Figures.Report(_output, "6 lifetimes", $"{end} from {from}: milliseconds to return", elapsed.TotalMilliseconds, "ms");
        _output.WriteLine($"outcome: {(thrown is null ? "returned" : thrown.GetType().Name + ": " + thrown.Message)}; state {state}; connect: {connectOutcome?.GetType().Name ?? "-"}");

        Assert.True(returned, $"{end} from {from} did not return within {Bound.TotalSeconds:0} s");
        Assert.Null(thrown); // dispose never throws; disconnect and terminate succeed from every state too
        Assert.Equal(0, open.Open); // every receive loop the runtime started has ended
        Assert.All(loops, loop => Assert.True(loop.IsCompleted, "a receive or reconnect loop is still running"));
        if (connecting is not null)
        {
            Assert.True(connectOutcome is OperationCanceledException or SessionException, "connect ended by " + connectOutcome);
        }

        var expected = (from, end) switch
        {
            (From.Disposed, _) or (_, End.Dispose) => SessionState.Disposed,
            (From.Terminated, _) or (_, End.Terminate) => SessionState.Terminated,
            _ => SessionState.Disconnected,
        };
        Assert.Equal(expected, state);
        if (end == End.Terminate && id is not null && from != From.Disposed)
        {
            Assert.Empty(engine.GetStoredEvents(id)); // destroyed on the engine
        }
    }

    /// <summary>Reconnects, but only after an hour: the session stays in Reconnecting for the test.</summary>
    private sealed class HoldPolicy : IReconnectPolicy
    {
        public TimeSpan? NextDelay(ReconnectContext context) => TimeSpan.FromHours(1);
    }

    public sealed class EngineFixture : IAsyncLifetime
    {
        public CapturingLoggerFactory Logs { get; } = new();

        public LocalEngine Engine { get; private set; } = null!;

        public async Task InitializeAsync() => Engine = await Engines.StartAsync(o => o.LoggerFactory = Logs);

        public async Task DisposeAsync() => await Engine.DisposeAsync();
    }
}
