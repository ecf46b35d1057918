using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

/// <summary>Drops, bad frames, slow listeners: the session carries on and loses nothing.</summary>
public sealed class ResilienceTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _engine;

    public ResilienceTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public async Task A_drop_mid_turn_is_resumed_with_every_event_once_and_in_order()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        _engine.Engine.Faults.DropAfterEvents(session.SessionId!, 12);

        var events = await Turns.RunAsync(session, "count 40");

        var deltas = events.OfType<MessageDeltaEvent>().Select(d => d.Delta!.Trim()).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), deltas);
        var seqs = events.Where(e => e.Seq is not null).Select(e => e.Seq!.Value).ToList();
        Assert.Equal(seqs.Distinct().OrderBy(s => s), seqs);
        var stored = _engine.Engine.GetStoredEvents(session.SessionId!).Select(e => e.Seq!.Value).ToList();
        Assert.Equal(stored, seqs); // everything the engine stored for the conversation, nothing else
        Assert.True(session.IsConnected); // the replay reached the listener after the session said Connected
    }

    [Fact]
    public async Task State_changes_are_raised_in_order_across_a_drop_and_the_end()
    {
        using var client = _engine.Client();
        var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var changes = System.Threading.Channels.Channel.CreateUnbounded<SessionStateChangedEventArgs>();
        session.StateChanged += (sender, change) =>
        {
            Assert.Same(session, sender);
            changes.Writer.TryWrite(change);
        };
        _engine.Engine.Faults.DropAfterEvents(session.SessionId!, 3);

        await Turns.RunAsync(session, "count 10");
        await session.DisposeAsync();

        var seen = new List<(SessionState, SessionState)>();
        var causes = new List<Exception?>();
        while (seen.Count < 3)
        {
            var change = await changes.Reader.ReadAsync(Within.Token());
            seen.Add((change.Previous, change.Current));
            causes.Add(change.Cause);
        }

        // The drop carries its cause; the reconnect and the application's own dispose carry none.
        Assert.IsType<SessionDisconnectedException>(causes[0]);
        Assert.Null(causes[1]);
        Assert.Null(causes[2]);

        Assert.Equal(
            new[]
            {
                (SessionState.Connected, SessionState.Reconnecting),
                (SessionState.Reconnecting, SessionState.Connected),
                (SessionState.Connected, SessionState.Disposed),
            },
            seen);
    }

    [Fact]
    public async Task A_drop_with_no_reconnect_policy_says_why_the_session_is_disconnected_the_same_error_listeners_end_with()
    {
        using var client = _engine.Client(o => o.ReconnectPolicy = null);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var changes = System.Threading.Channels.Channel.CreateUnbounded<SessionStateChangedEventArgs>();
        session.StateChanged += (_, change) => changes.Writer.TryWrite(change);
        var listening = session.ListenAsync(maxQueue: 0);
        _engine.Engine.Faults.DropAfterEvents(session.SessionId!, 2);

        await session.SendAsync("count 10", Within.Token());
        var ended = await Assert.ThrowsAsync<SessionDisconnectedException>(async () =>
        {
            await foreach (var _ in listening.WithCancellation(Within.Token()))
            {
            }
        });

        var change = await changes.Reader.ReadAsync(Within.Token());
        Assert.Equal((SessionState.Connected, SessionState.Disconnected), (change.Previous, change.Current));
        Assert.Same(ended, change.Cause);
    }

    [Fact]
    public async Task Bad_and_unknown_frames_become_events_and_the_conversation_goes_on()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        _engine.Engine.Faults.ForSession(session.SessionId!).SendMalformedFrame().SendUnknownEvent("assistant.reasoning_delta");
        var other = session.ListenAsync(maxQueue: 0);

        var events = await Turns.RunAsync(session, "hello");
        var seenByOther = await Turns.UntilCompleteAsync(other);

        var bad = Assert.Single(events.OfType<ErrorEvent>());
        Assert.Equal("bad_frame", bad.Data.Code);
        Assert.StartsWith("bad frame from the engine:", bad.Error);
        Assert.True(bad.IsClientReport);
        var unknown = Assert.Single(events.OfType<UnknownSessionEvent>());
        Assert.Equal("assistant.reasoning_delta", unknown.TypeName);
        Assert.Equal("You said: hello.", events.OfType<MessageCompleteEvent>().Single().Text);
        Assert.Equal(events.Count, seenByOther.Count);
    }

    [Fact]
    public async Task A_slow_listener_gets_one_overflow_report_with_the_count_and_the_others_lose_nothing()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var slow = session.ListenAsync(maxQueue: 5).GetAsyncEnumerator(); // never read until the turn is over

        var all = await Turns.RunAsync(session, "count 60");
        var slowSeen = new List<SessionEvent>();
        for (var i = 0; i < 6 && await slow.MoveNextAsync(); i++)
        {
            slowSeen.Add(slow.Current);
        }

        Assert.Equal(60, all.OfType<MessageDeltaEvent>().Count());
        Assert.DoesNotContain(all, e => e is ErrorEvent);
        Assert.Equal(all.Take(5).Select(e => e.Seq), slowSeen.Take(5).Select(e => e.Seq));
        var report = Assert.IsType<ErrorEvent>(slowSeen[5]);
        Assert.Equal("subscriber queue overflow", report.Error);
        Assert.Equal(all.Skip(5).Count(e => e is MessageDeltaEvent), report.DroppedEvents); // only deltas are dropped
        Assert.True(await slow.MoveNextAsync());
        Assert.IsType<MessageCompleteEvent>(slow.Current); // what the turn needs is kept
        await slow.DisposeAsync();
    }

    [Fact]
    public async Task A_stalled_connection_is_found_dead_by_keep_alive_and_replaced()
    {
        // ConnectTimeout is far beyond the test's guard: only the dead-peer timeout can free the
        // session from the stalled connection in time. The dead-peer timeout leaves a loaded machine
        // room to answer a live connection's pings. An engine of its own: a stall must not outlive
        // this test and reach another test's connection.
        await using var engine = await Sessions.Engine.LocalEngine.StartAsync();
        using var client = Clients.For(engine, o =>
        {
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(250);
            o.DeadPeerTimeout = TimeSpan.FromSeconds(2);
            o.ConnectTimeout = TimeSpan.FromMinutes(5);
        });
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var changes = System.Threading.Channels.Channel.CreateUnbounded<SessionState>();
        session.StateChanged += (_, change) => changes.Writer.TryWrite(change.Current);
        var listening = session.ListenAsync(maxQueue: 0);

        // The post is acknowledged before any fault is armed, so the engine has it whatever happens next
        // (a drop armed earlier can be tripped by a keep-alive pong while the post is on a dying socket).
        await session.SendAsync("delay 150 count 10", Within.Token());
        using var stall = engine.Faults.ForNextConnection().Stall(); // the first reconnect goes silent
        engine.Faults.DropAfterEvents(session.SessionId!, 2);         // the live connection drops mid-turn
        var events = await Turns.UntilCompleteAsync(listening);

        Assert.Equal(
            Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            events.OfType<MessageDeltaEvent>().Select(d => d.Delta!.Trim()));
        Assert.Equal(SessionState.Reconnecting, await changes.Reader.ReadAsync(Within.Token()));
        Assert.Equal(SessionState.Connected, await changes.Reader.ReadAsync(Within.Token()));
        Assert.True(session.IsConnected);
    }
}
