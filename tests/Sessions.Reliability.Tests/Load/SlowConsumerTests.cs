using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Load;

/// <summary>
/// Must hold (3): one subscriber that never reads while another reads everything: the fast one loses nothing, the slow
/// one loses only deltas and gets the overflow error with the right count and seqs, then <c>message_complete</c>;
/// memory stays bounded (measured).
/// </summary>
public sealed class SlowConsumerTests
{
    private const int SlowQueue = 100;

    private readonly ITestOutputHelper _output;

    public SlowConsumerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_stalled_listener_gets_one_overflow_error_with_the_count_and_the_reading_one_loses_nothing()
    {
        await using var engine = await Engines.StartAsync();
        using var client = Engines.Client(engine);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var fast = session.ListenAsync(maxQueue: 0);
        var slow = session.ListenAsync(maxQueue: SlowQueue).GetAsyncEnumerator(Within.Token());

        await session.SendAsync("count 3000", Within.Token());
        var seen = await UntilCompleteAsync(fast);

        // The stalled listener now reads: the first 100 events, then the one report of the gap.
        var kept = new List<SessionEvent>();
        for (var i = 0; i < SlowQueue; i++)
        {
            Assert.True(await slow.MoveNextAsync());
            kept.Add(slow.Current);
        }

        Assert.True(await slow.MoveNextAsync());
        var overflow = Assert.IsType<ErrorEvent>(slow.Current);

        // What a turn needs is never dropped: after the gap come the kept kinds, message_complete with the whole text.
        var keptBeyond = seen.Skip(SlowQueue).Where(e => e is not (MessageDeltaEvent or ThinkingEvent or ParticipantStatusEvent)).ToList();
        var afterGap = new List<SessionEvent>();
        while (afterGap.Count < keptBeyond.Count && await slow.MoveNextAsync())
        {
            afterGap.Add(slow.Current);
        }

        // Drained, it is an ordinary listener again: the next turn reaches it whole.
        var again = session.ListenAsync(maxQueue: 0);
        await session.SendAsync("count 5", Within.Token());
        var next = await UntilCompleteAsync(again);
        var slowNext = new List<SessionEvent>();
        while (slowNext.Count < next.Count && await slow.MoveNextAsync())
        {
            slowNext.Add(slow.Current);
        }

        await slow.DisposeAsync();
        Figures.Report(_output, "3 slow consumer", "events the reading listener got", seen.Count);
        Figures.Report(_output, "3 slow consumer", "events dropped for the stalled listener (reported)", overflow.DroppedEvents ?? -1);

        Assert.Equal(engine.GetStoredEvents(session.SessionId!).Select(e => e.Seq).Take(seen.Count(e => e.Seq is not null)), seen.Where(e => e.Seq is not null).Select(e => e.Seq));
        Assert.Equal(3000, seen.OfType<MessageDeltaEvent>().Count());
        Assert.Equal(seen.Take(SlowQueue), kept);
        Assert.True(overflow.IsQueueOverflow);
        Assert.Equal("subscriber queue overflow", overflow.Error);
        Assert.Equal(seen.Count - SlowQueue - keptBeyond.Count, overflow.DroppedEvents);
        Assert.True(overflow.OnlyTransientDropped);
        Assert.Equal(seen.Skip(SlowQueue).First(e => e is MessageDeltaEvent).Seq, overflow.FirstDroppedSeq);
        Assert.Equal(seen.Last(e => e is MessageDeltaEvent).Seq, overflow.LastDroppedSeq);
        Assert.Equal(keptBeyond, afterGap);
        var complete = Assert.IsType<MessageCompleteEvent>(afterGap[^1]);
        Assert.Equal(string.Concat(seen.OfType<MessageDeltaEvent>().Select(d => d.Data.Delta)), complete.Data.Text);
        Assert.Equal(next, slowNext);
    }

    [Fact]
    public async Task The_memory_a_stalled_bounded_listener_holds_stays_bounded_while_20000_events_pass()
    {
        const int Events = 20_000;
        await MeasureAsync(maxQueue: SlowQueue, events: 500); // warms Kestrel's and the runtime's pools
        var bounded = await MeasureAsync(maxQueue: SlowQueue, events: Events);
        var unbounded = await MeasureAsync(maxQueue: 0, events: Events); // the control: a listener that keeps everything

        Figures.Report(_output, "3 slow consumer", $"bytes retained by a stalled listener (queue {SlowQueue}) after {Events:N0} events", bounded, "B");
        Figures.Report(_output, "3 slow consumer", $"bytes retained by a stalled unbounded listener (control) after {Events:N0} events", unbounded, "B");
        Figures.Report(_output, "3 slow consumer", "control: bytes per event kept", (double)unbounded / Events, "B");

        Assert.True(unbounded > Events * 200L, $"the measurement should see the control keep every event ({unbounded} B)");
        Assert.True(bounded < 2_000_000, $"a stalled bounded listener should hold about {SlowQueue} events, not {bounded} B");
        Assert.True(bounded * 10 < unbounded, $"bounded {bounded} B vs unbounded {unbounded} B");
    }

    /// <summary>
    /// Streams <paramref name="events"/> deltas from the fake engine (which keeps nothing) to a session with one reading
    /// and one stalled listener, and returns how many bytes more the process holds (after a full collection) once the
    /// reading one has seen them all: what the stalled listener retains.
    /// </summary>
    private async Task<long> MeasureAsync(int maxQueue, int events)
    {
        // Each delta's text differs (its seq first): a connection reads repeated strings once (the session id here), so
        // equal texts would be one string, and the control would keep only the events' records.
        var text = new string('x', 100);
        await using var fake = await FakeEngine.StartAsync(async peer =>
        {
            using var guard = new CancellationTokenSource(Within.Limit);
            await peer.HandshakeAsync(guard.Token);
            await peer.AcknowledgeNextPostAsync(guard.Token);
            for (var seq = 1; seq <= events; seq++)
            {
                await peer.SendAsync($$$"""{"type":"message_delta","session_id":"{{{FakePeer.SessionId}}}","message_id":"m1","seq":{{{seq}}},"data":{"delta":"{{{seq:D6}}}{{{text}}}"}}""", guard.Token);
            }

            await peer.SendAsync($$$"""{"type":"message_complete","session_id":"{{{FakePeer.SessionId}}}","message_id":"m1","seq":{{{events + 1}}},"data":{"text":"","status":"complete"}}""", guard.Token);
            await peer.DrainUntilClosedAsync(guard.Token);
        });
        using var client = Engines.Client(fake.BaseAddress, "key", o => o.KeepAliveInterval = TimeSpan.Zero);
        await using var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        var fast = session.ListenAsync(maxQueue: 0);
        var stalled = session.ListenAsync(maxQueue: maxQueue);

        var before = Retained();
        await session.SendAsync("go", Within.Token());
        long expected = 1;
        await foreach (var evt in fast.WithCancellation(Within.Token()))
        {
            if (evt.Seq is long seq)
            {
                Assert.Equal(expected++, seq); // the reading listener loses nothing
            }

            if (evt.IsComplete)
            {
                break;
            }
        }

        var after = Retained();
        Assert.Equal(events + 2, expected);
        GC.KeepAlive(stalled);
        return Math.Max(0, after - before);
    }

    private static long Retained()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<List<SessionEvent>> UntilCompleteAsync(IAsyncEnumerable<SessionEvent> events)
    {
        var seen = new List<SessionEvent>();
        await foreach (var evt in events.WithCancellation(Within.Token()))
        {
            seen.Add(evt);
            if (evt.IsComplete)
            {
                break;
            }
        }

        return seen;
    }
}
