using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;
using static Sessions.Runtime.Tests.InMemory.UserCodeWithInMemoryTransportTests;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>
/// After a reconnect, the session says Connected before any event of the new connection reaches a listener: the engine
/// replays the moment the connection joins, and a listener that acts on an event must find the session connected.
/// The events still arrive once each and in order.
/// </summary>
/// <remarks>
/// Left alone, the window between joining and saying Connected is too short for a listener to wake in. So in some
/// rounds the session's own "reconnected" log entry (written after the join, before the transition) pauses the
/// reconnect until the listener has the round's first event, or a short bound has passed: without the hold, the
/// listener gets the event in that pause and sees Reconnecting; with it, nothing comes and the bound lets it go on.
/// </remarks>
public sealed class ReplayAfterReconnectTests
{
    private const int Rounds = 200;
    private const int ReplayedPerRound = 3;
    private const int PauseEveryRounds = 10;
    private static readonly System.TimeSpan PauseBound = System.TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Every_replayed_event_finds_the_session_Connected_over_many_reconnects()
    {
        var transport = new InMemoryTransport();
        using var roundStarted = new System.Threading.ManualResetEventSlim();
        var pauseThisRound = false;
        var logs = new CollectingLoggerProvider(LogLevel.Debug, id =>
        {
            if (id.Name == "Reconnected" && Volatile.Read(ref pauseThisRound))
            {
                roundStarted.Wait(PauseBound);
            }
        });
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = Fast(), LoggerFactory = logs });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await using var session = await creating;

        // The listener records, for every event, what the session says at the moment the event reaches it.
        var seen = Channel.CreateUnbounded<(SessionEvent Event, SessionState State, bool IsConnected)>();
        var listening = Task.Run(async () =>
        {
            await foreach (var evt in session.ListenAsync(maxQueue: 0, cancellationToken: Within.Token()))
            {
                seen.Writer.TryWrite((evt, session.State, session.IsConnected));
                roundStarted.Set();
            }
        });

        var recorded = new List<(SessionEvent Event, SessionState State, bool IsConnected)>();
        long seq = 0;
        for (var round = 0; round < Rounds; round++)
        {
            roundStarted.Reset();
            Volatile.Write(ref pauseThisRound, round % PauseEveryRounds == 0);
            peer.Drop();
            peer = await transport.AcceptAsync(Within.Token());

            // session_connected, then the replay at once, as the engine sends them: no wait for the client in between.
            await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
            for (var i = 0; i < ReplayedPerRound; i++)
            {
                await peer.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = ++seq, MessageId = "m", Data = new MessageDeltaEventData { Delta = "d" } });
            }

            // The round is over when the listener has the last replayed event (the next drop must not cut it off).
            while (recorded.Count == 0 || recorded[^1].Event.Seq != seq)
            {
                recorded.Add(await seen.Reader.ReadAsync(Within.Token()));
            }
        }

        var notConnected = recorded.Where(r => r.State != SessionState.Connected || !r.IsConnected).ToList();
        Assert.True(notConnected.Count == 0, $"{notConnected.Count} of {recorded.Count} events reached the listener while the session said {string.Join(", ", notConnected.Select(r => r.State).Distinct())}");

        // Each round's session_connected, then its replay: all of them, once each, in order.
        Assert.Equal(Rounds, recorded.Count(r => r.Event is SessionConnectedEvent));
        Assert.Equal(Enumerable.Range(1, Rounds * ReplayedPerRound).Select(i => (long)i), recorded.Where(r => r.Event.Seq is not null).Select(r => r.Event.Seq!.Value));
        Assert.All(recorded.Chunk(ReplayedPerRound + 1), chunk => Assert.IsType<SessionConnectedEvent>(chunk[0].Event));

        await session.DisposeAsync();
        await listening.WaitAsync(Within.Limit);
    }

    [Fact]
    public async Task A_StateChanged_handler_that_sends_and_waits_on_Connected_neither_deadlocks_nor_holds_back_the_replay()
    {
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = Fast() });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await using var session = await creating;
        var listening = session.ListenAsync(maxQueue: 0, cancellationToken: Within.Token()).GetAsyncEnumerator();

        // Blocks its thread on a call back into the session, as careless application code does.
        var handled = new TaskCompletionSource<SessionState>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.StateChanged += (_, change) =>
        {
            if (change.Previous == SessionState.Reconnecting && change.Current == SessionState.Connected)
            {
                session.SendAsync("back", Within.Token()).GetAwaiter().GetResult();
                handled.TrySetResult(session.State);
            }
        };

        peer.Drop();
        peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await peer.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = 1, MessageId = "m", Data = new MessageDeltaEventData { Delta = "replayed" } });

        // The replay reaches the listener while the handler still waits for its answer.
        Assert.True(await listening.MoveNextAsync());
        Assert.IsType<SessionConnectedEvent>(listening.Current);
        Assert.True(await listening.MoveNextAsync());
        Assert.Equal(1, listening.Current.Seq);
        Assert.False(handled.Task.IsCompleted);

        var post = (await peer.ReceiveAsync("post_message", Within.Token()))!.Value;
        await peer.SendAsync(new MessagePostedEvent { SessionId = "s1", RequestId = RequestId(post), MessageId = "u1", Data = new MessagePostedEventData { MessageId = "u1" } });
        Assert.Equal(SessionState.Connected, await handled.Task.WaitAsync(Within.Limit));
        await listening.DisposeAsync();
    }
}
