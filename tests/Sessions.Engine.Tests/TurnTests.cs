using System;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task A_post_is_acknowledged_then_answered_by_a_streamed_reply_with_increasing_seq()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync(Frames.Post("p1", "hello there"));
        var events = await client.UntilAsync<MessageCompleteEvent>();

        var posted = Assert.IsType<MessagePostedEvent>(events[0]);
        Assert.Equal("p1", posted.RequestId);
        Assert.Null(posted.Seq);
        Assert.StartsWith("msg_", posted.Data.MessageId, StringComparison.Ordinal);

        var streaming = Assert.IsType<MessageStreamingEvent>(events[1]);
        Assert.Equal(SessionMessageStatus.Streaming, streaming.Data.Status);
        var deltas = events.OfType<MessageDeltaEvent>().ToList();
        Assert.True(deltas.Count >= 3, "the reply streams as several deltas");
        var complete = Assert.IsType<MessageCompleteEvent>(events[^1]);
        Assert.Equal(events.Count - 3, deltas.Count);
        Assert.Equal(SessionMessageStatus.Complete, complete.Data.Status);
        Assert.Equal(string.Concat(deltas.Select(d => d.Data.Delta)), complete.Data.Text);
        Assert.Equal("You said: hello there.", complete.Data.Text);

        // One message id for the whole reply; every conversation event numbered, strictly increasing, none echoing a request.
        Assert.All(events.Skip(1), e => Assert.Equal(streaming.MessageId, e.MessageId));
        Assert.All(events.Skip(1), e => Assert.Null(e.RequestId));
        Assert.All(events, e => Assert.Equal(created.Data.SessionId, e.SessionId));
        var seqs = TestClient.Seqs(events);
        Assert.Equal(events.Count - 1, seqs.Length);
        Assert.True(seqs.Zip(seqs.Skip(1)).All(pair => pair.First < pair.Second), "seq strictly increases");
    }

    [Fact]
    public async Task Quick_posts_are_folded_into_one_turn_with_one_message_complete()
    {
        // A wide window so that three back-to-back sends land in it even on a loaded machine.
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.FromMilliseconds(500));
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;

        await client.SendAsync(Frames.Post("a", "first"));
        await client.SendAsync(Frames.Post("b", "second"));
        await client.SendAsync(Frames.Post("c", "third"));
        var events = await client.UntilAsync<MessageCompleteEvent>();
        events.AddRange(await client.DrainAsync());

        Assert.Equal(["a", "b", "c"], events.OfType<MessagePostedEvent>().Select(e => e.RequestId!).ToArray());
        var complete = Assert.Single(events.OfType<MessageCompleteEvent>());
        Assert.Single(events.OfType<MessageStreamingEvent>());
        Assert.Equal("You said: first / second / third.", complete.Data.Text);
    }

    [Fact]
    public async Task Post_messages_is_one_turn_acknowledged_with_every_message_id()
    {
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.Zero);
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync(Frames.PostMany("m", "one", "two"));
        var events = await client.UntilAsync<MessageCompleteEvent>();
        events.AddRange(await client.DrainAsync());

        var posted = Assert.IsType<MessagesPostedEvent>(events[0]);
        Assert.Equal("m", posted.RequestId);
        Assert.Equal(2, posted.Data.MessageIds.Count);
        Assert.Equal("You said: one / two.", Assert.Single(events.OfType<MessageCompleteEvent>()).Data.Text);

        var history = await TestEngine.HistoryAsync(engine, created.Data.SessionId);
        Assert.Equal(posted.Data.MessageIds, history.Messages.Where(m => m.Sender.Role == SessionMessageRole.User).Select(m => m.Id));
    }

    [Fact]
    public async Task Posts_during_a_turn_make_the_next_turn()
    {
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.Zero);
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;

        // The first turn waits at an approval, so the second post surely arrives while it runs.
        await client.SendAsync(Frames.Post("a", "approve"));
        var request = await client.NextAsync<ApprovalRequestEvent>();
        await client.SendAsync(Frames.Post("b", "later"));
        await client.NextAsync<MessagePostedEvent>();
        await client.SendAsync(Frames.Approve("ok", request.Data.ApprovalId));

        var first = await client.NextAsync<MessageCompleteEvent>();
        var second = await client.NextAsync<MessageCompleteEvent>();
        Assert.StartsWith("You said: approve.", first.Data.Text, StringComparison.Ordinal);
        Assert.Equal("You said: later.", second.Data.Text);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }
}
