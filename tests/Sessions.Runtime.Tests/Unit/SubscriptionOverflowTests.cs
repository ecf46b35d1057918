using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Subscriptions;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>Where and how often a listener whose queue fills learns of the events it lost.</summary>
public sealed class SubscriptionOverflowTests
{
    private static MessageDeltaEvent Delta(long seq) => new() { SessionId = "s", Seq = seq, Data = new MessageDeltaEventData { Delta = seq.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    private static async Task<List<SessionEvent>> Drain(Subscription subscription)
    {
        var events = new List<SessionEvent>();
        await foreach (var evt in subscription.ReadAllAsync(CancellationToken.None))
        {
            events.Add(evt);
        }

        return events;
    }

    [Fact]
    public async Task A_full_queue_drops_and_reports_once_where_the_gap_begins()
    {
        var subscription = new Subscription(null, capacity: 3, _ => { }, null);
        for (var seq = 1; seq <= 10; seq++)
        {
            subscription.Offer(Delta(seq)); // nobody reads: 1..3 fit, 4..10 are dropped
        }

        subscription.Complete();
        var events = await Drain(subscription);

        Assert.Equal(new long?[] { 1, 2, 3, null }, events.Select(e => e.Seq));
        var overflow = Assert.IsType<ErrorEvent>(events[3]);
        Assert.Equal("subscriber queue overflow", overflow.Error);
        Assert.Equal(7, overflow.DroppedEvents);
        Assert.True(overflow.IsQueueOverflow);
        Assert.True(overflow.IsClientReport);
    }

    [Fact]
    public async Task Each_burst_is_reported_once_and_in_place()
    {
        var subscription = new Subscription(null, capacity: 2, _ => { }, null);
        var reader = subscription.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();

        subscription.Offer(Delta(1));
        subscription.Offer(Delta(2));
        subscription.Offer(Delta(3)); // dropped (burst 1: one event)
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(1, reader.Current.Seq); // room again
        subscription.Offer(Delta(4));     // the report of burst 1 goes first, then 4
        subscription.Offer(Delta(5));     // dropped: queue holds 2, report, 4
        subscription.Offer(Delta(6));     // dropped
        subscription.Complete();

        var rest = new List<SessionEvent>();
        while (await reader.MoveNextAsync())
        {
            rest.Add(reader.Current);
        }

        Assert.Equal(2, rest[0].Seq);
        Assert.Equal(1, Assert.IsType<ErrorEvent>(rest[1]).DroppedEvents);
        Assert.Equal(4, rest[2].Seq);
        Assert.Equal(2, Assert.IsType<ErrorEvent>(rest[3]).DroppedEvents);
        Assert.Equal(4, rest.Count);
    }

    [Fact]
    public async Task A_reader_that_drains_the_queue_learns_of_the_gap_without_waiting_for_another_event()
    {
        var subscription = new Subscription(null, capacity: 2, _ => { }, null);
        for (var seq = 1; seq <= 5; seq++)
        {
            subscription.Offer(Delta(seq)); // 1, 2 queued; 3..5 dropped; then silence
        }

        var reader = subscription.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(2, reader.Current.Seq);
        Assert.True(await reader.MoveNextAsync()); // no further event arrived: the report comes anyway
        Assert.Equal(3, Assert.IsType<ErrorEvent>(reader.Current).DroppedEvents);

        subscription.Offer(Delta(6)); // the burst was reported: 6 follows with no second report
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(6, reader.Current.Seq);
        subscription.Complete();
        Assert.False(await reader.MoveNextAsync());
    }

    [Fact]
    public async Task Zero_means_unbounded()
    {
        var subscription = new Subscription(null, capacity: 0, _ => { }, null);
        for (var seq = 1; seq <= 5000; seq++)
        {
            subscription.Offer(Delta(seq));
        }

        subscription.Complete();
        var events = await Drain(subscription);

        Assert.Equal(5000, events.Count);
        Assert.DoesNotContain(events, e => e is ErrorEvent);
    }

    [Fact]
    public async Task The_filter_decides_what_counts_against_the_queue()
    {
        var subscription = new Subscription(e => e is MessageCompleteEvent, capacity: 1, _ => { }, null);
        for (var seq = 1; seq <= 100; seq++)
        {
            subscription.Offer(Delta(seq)); // filtered out, never counted
        }

        subscription.Offer(new MessageCompleteEvent { SessionId = "s", Seq = 101, Data = new MessageCompleteEventData { Text = "done", Status = SessionMessageStatus.Complete } });
        subscription.Complete();

        var only = Assert.Single(await Drain(subscription));
        Assert.Equal("done", only.Text);
    }

    [Fact]
    public async Task Drops_are_counted_for_telemetry_and_the_end_unsubscribes()
    {
        long dropped = 0;
        var ended = 0;
        var subscription = new Subscription(null, capacity: 1, _ => ended++, n => dropped += n);
        subscription.Offer(Delta(1));
        subscription.Offer(Delta(2));
        subscription.Offer(Delta(3));
        subscription.Complete();
        await Drain(subscription);

        Assert.Equal(2, dropped);
        Assert.Equal(1, ended);
    }

    [Fact]
    public async Task A_completion_error_reaches_the_consumer_after_the_queued_events()
    {
        var subscription = new Subscription(null, capacity: 8, _ => { }, null);
        subscription.Offer(Delta(1));
        subscription.Complete(new SessionDisconnectedException("gone"));
        var seen = new List<SessionEvent>();

        var error = await Assert.ThrowsAsync<SessionDisconnectedException>(async () =>
        {
            await foreach (var evt in subscription.ReadAllAsync(CancellationToken.None))
            {
                seen.Add(evt);
            }
        });

        Assert.Equal("gone", error.Message);
        Assert.Single(seen);
    }
}
