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
    private static MessageDeltaEvent DeltaOf(string messageId, long seq) => Delta(seq) with { MessageId = messageId };

    private static MessageCompleteEvent Complete(long seq, string text = "done") => new() { SessionId = "s", MessageId = "m1", Seq = seq, Data = new MessageCompleteEventData { Text = text, Status = SessionMessageStatus.Complete } };

    private static ApprovalRequestEvent Approval(long seq) => new()
    {
        SessionId = "s",
        MessageId = "m1",
        Seq = seq,
        Data = new ApprovalRequestEventData { ApprovalId = "apr_" + seq, ToolName = "send_email", ToolId = "t", Arguments = new Dictionary<string, System.Text.Json.JsonElement>() },
    };

    [Fact]
    public async Task A_full_queue_drops_only_deltas_and_keeps_what_a_turn_needs_in_order_after_the_report_of_the_gap()
    {
        var subscription = new Subscription(null, capacity: 2, _ => { }, null);
        subscription.Offer(DeltaOf("m1", 1));
        subscription.Offer(DeltaOf("m1", 2));
        subscription.Offer(DeltaOf("m1", 3)); // dropped
        subscription.Offer(new ThinkingEvent { SessionId = "s", MessageId = "m1", Seq = 4, Data = new ThinkingEventData { Summary = "hmm" } }); // dropped
        subscription.Offer(DeltaOf("m1", 5)); // dropped
        subscription.Offer(Approval(6)); // kept beyond the bound
        subscription.Offer(DeltaOf("m1", 7)); // dropped: a second gap
        subscription.Offer(new ReauthRequestEvent { SessionId = "s", MessageId = "m1", Seq = 8, Data = new ReauthRequestEventData { Integration = "mail", AuthUrl = new System.Uri("https://example.test/auth") } });
        subscription.Offer(new ErrorEvent { SessionId = "s", MessageId = "m1", Seq = 9, Data = new ErrorEventData { Error = "tool broke", Code = "agent_error", Retryable = false } });
        subscription.Offer(Complete(10, "the whole text"));
        subscription.Offer(new SessionConnectedEvent { SessionId = "s", Data = new SessionConnectedEventData { SessionId = "s", LastSeq = 10, PendingApprovals = [] } });
        subscription.Complete();

        var events = await Drain(subscription);

        Assert.Equal(["message_delta", "message_delta", "error", "approval_request", "error", "reauth_request", "error", "message_complete", "session_connected"], events.Select(WireName));
        var first = Assert.IsType<ErrorEvent>(events[2]);
        Assert.True(first.IsQueueOverflow);
        Assert.Equal(3, first.DroppedEvents);
        Assert.Equal(3, first.FirstDroppedSeq);
        Assert.Equal(5, first.LastDroppedSeq);
        Assert.Equal("m1", first.MessageId);
        Assert.True(first.OnlyTransientDropped);
        var second = Assert.IsType<ErrorEvent>(events[4]);
        Assert.Equal(1, second.DroppedEvents);
        Assert.Equal(7, second.FirstDroppedSeq);
        Assert.Equal(7, second.LastDroppedSeq);
        Assert.False(Assert.IsType<ErrorEvent>(events[6]).IsQueueOverflow); // the engine's own error, kept
        Assert.Equal("the whole text", events[7].Text);
    }

    [Fact]
    public async Task Participant_status_is_transient_too_and_a_gap_over_two_messages_names_none()
    {
        var subscription = new Subscription(null, capacity: 1, _ => { }, null);
        subscription.Offer(DeltaOf("m1", 1));
        subscription.Offer(DeltaOf("m1", 2));
        subscription.Offer(new ParticipantStatusEvent { SessionId = "s", Seq = 3, Data = new ParticipantStatusEventData { ParticipantId = "p", Status = ParticipantState.Typing } });
        subscription.Offer(DeltaOf("m2", 4));
        subscription.Complete();

        var events = await Drain(subscription);
        var gap = Assert.IsType<ErrorEvent>(Assert.Single(events, e => e is ErrorEvent));
        Assert.Equal(3, gap.DroppedEvents);
        Assert.Null(gap.MessageId);
        Assert.Equal(2, gap.FirstDroppedSeq);
        Assert.Equal(4, gap.LastDroppedSeq);
    }

    [Fact]
    public async Task Kept_kinds_queue_beyond_the_bound_up_to_a_hard_limit_so_memory_stays_bounded_for_a_listener_that_never_reads()
    {
        const int Capacity = 10;
        var hardLimit = OverflowPolicy.HardLimit(Capacity);
        var subscription = new Subscription(null, capacity: Capacity, _ => { }, null);
        var offered = hardLimit * 3;
        for (var seq = 1; seq <= offered; seq++)
        {
            subscription.Offer(Complete(seq));
        }

        subscription.Complete();
        var events = await Drain(subscription);

        Assert.Equal(hardLimit + 1, events.Count); // the hard limit, then one report
        var gap = Assert.IsType<ErrorEvent>(events[^1]);
        Assert.Equal(offered - hardLimit, gap.DroppedEvents);
        Assert.False(gap.OnlyTransientDropped);
        Assert.Equal(hardLimit + 1, gap.FirstDroppedSeq);
        Assert.True(hardLimit < Capacity * 10);
    }

    [Fact]
    public async Task A_message_complete_offered_while_deltas_overflow_is_never_lost_over_many_turns()
    {
        var subscription = new Subscription(null, capacity: 16, _ => { }, null);
        var reader = subscription.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        long seq = 0;
        var completes = 0;
        for (var turn = 0; turn < 50; turn++)
        {
            for (var i = 0; i < 100; i++)
            {
                subscription.Offer(DeltaOf("m" + turn, ++seq));
            }

            subscription.Offer(Complete(++seq, "turn " + turn) with { MessageId = "m" + turn });

            // The reader takes a few events per turn: it falls further behind all the time.
            for (var i = 0; i < 3; i++)
            {
                Assert.True(await reader.MoveNextAsync());
                completes += reader.Current is MessageCompleteEvent ? 1 : 0;
            }
        }

        subscription.Complete();
        while (await reader.MoveNextAsync())
        {
            completes += reader.Current is MessageCompleteEvent ? 1 : 0;
        }

        Assert.Equal(50, completes);
    }

    private static string WireName(SessionEvent evt) => evt switch
    {
        MessageDeltaEvent => "message_delta",
        ErrorEvent => "error",
        ApprovalRequestEvent => "approval_request",
        ReauthRequestEvent => "reauth_request",
        MessageCompleteEvent => "message_complete",
        SessionConnectedEvent => "session_connected",
        _ => evt.GetType().Name,
    };
}
