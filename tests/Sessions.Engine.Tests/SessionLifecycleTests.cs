using System;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class SessionLifecycleTests
{
    [Fact]
    public async Task Create_answers_session_created_with_a_24_hex_id_and_the_request_id()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);
        await client.SendAsync(Frames.Create("req-7", agentId: "support-bot"));

        var created = Assert.IsType<SessionCreatedEvent>(await client.ReceiveAsync());
        Assert.Equal("req-7", created.RequestId);
        Assert.Matches("^[0-9a-f]{24}$", created.Data.SessionId);
        Assert.Equal(created.Data.SessionId, created.SessionId);
        Assert.Equal("support-bot", created.Data.AgentId);
        Assert.Null(created.Seq);
    }

    [Fact]
    public async Task Create_for_a_chatbot_is_answered_with_its_id()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);
        await client.SendAsync("""{"type":"create_session","request_id":"c","data":{"chatbot_id":"faq"}}""");

        var created = Assert.IsType<SessionCreatedEvent>(await client.ReceiveAsync());
        Assert.Equal("faq", created.Data.ChatbotId);
        Assert.Null(created.Data.AgentId);
    }

    [Fact]
    public async Task Ping_is_answered_by_pong_with_the_request_id_and_no_seq_attached_or_not()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);

        await client.SendAsync(Frames.Ping("before"));
        var early = Assert.IsType<PongEvent>(await client.ReceiveAsync());
        Assert.Equal("before", early.RequestId);
        Assert.Null(early.Seq);

        await client.SendAsync(Frames.Create("c"));
        var created = await client.NextAsync<SessionCreatedEvent>();
        await client.SendAsync(Frames.Ping("after"));
        var pong = Assert.IsType<PongEvent>(await client.ReceiveAsync());
        Assert.Equal("after", pong.RequestId);
        Assert.Equal(created.Data.SessionId, pong.SessionId);
        Assert.Null(pong.Seq);
    }

    [Fact]
    public async Task Connect_replays_every_stored_event_after_last_seq_in_order_with_original_seq()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        var sessionId = created.Data.SessionId;
        await first.SendAsync(Frames.Post("p1", "think tool hello"));
        var turn = await first.UntilAsync<MessageCompleteEvent>();
        await first.DisposeAsync();

        var stored = turn.Where(e => e.Seq is not null).ToList();
        Assert.True(stored.Count >= 6, "the turn stores thinking, tool events and the reply");
        var lastSeen = stored[2].Seq!.Value;

        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c1", sessionId, lastSeen));
        var connected = Assert.IsType<SessionConnectedEvent>(await second.ReceiveAsync());
        Assert.Equal("c1", connected.RequestId);
        Assert.Equal(sessionId, connected.Data.SessionId);
        Assert.Equal(stored[^1].Seq, connected.Data.LastSeq);
        Assert.Empty(connected.Data.PendingApprovals);

        var replayed = await second.DrainAsync();
        Assert.Equal(Wire.Of(stored.Skip(3)), Wire.Of(replayed));
    }

    [Fact]
    public async Task Connect_without_last_seq_replays_the_whole_conversation()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        await first.SendAsync(Frames.Post("p1", "hello"));
        var turn = await first.UntilAsync<MessageCompleteEvent>();
        await first.DisposeAsync();

        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c1", created.Data.SessionId));
        await second.NextAsync<SessionConnectedEvent>();
        Assert.Equal(Wire.Of(turn.Where(e => e.Seq is not null)), Wire.Of(await second.DrainAsync()));
    }

    [Fact]
    public async Task Session_connected_reports_the_newest_event_seq_which_the_replay_reaches()
    {
        // The turn never starts (the fold window outlasts the test), so the newest thing stored is a user message.
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.FromMinutes(5));
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = first;
        await first.SendAsync(Frames.Post("p", "waiting"));
        await first.NextAsync<MessagePostedEvent>();

        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", created.Data.SessionId));
        var connected = await second.NextAsync<SessionConnectedEvent>();
        Assert.Equal(0, connected.Data.LastSeq);
        Assert.Empty(await second.DrainAsync());

        // The user message has a seq in the history all the same (events and messages share one counter).
        var message = Assert.Single((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages);
        Assert.Equal(1, message.Seq);
    }

    [Fact]
    public async Task Connect_to_an_unknown_session_is_an_error_and_the_connection_carries_on()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);
        await client.SendAsync(Frames.Connect("c1", "0123456789abcdef01234567"));

        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.NotFound, error.Data.ErrorCode);
        Assert.Equal("c1", error.RequestId);
        Assert.Contains("0123456789abcdef01234567", error.Data.Error, System.StringComparison.Ordinal);
        Assert.Empty(await client.DrainAsync());
    }

    [Fact]
    public async Task Terminate_closes_with_4001_and_later_connects_and_history_are_refused()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var sessionId = created.Data.SessionId;
        await client.SendAsync(Frames.Post("p", "hello"));
        await client.NextAsync<MessageCompleteEvent>();

        await client.SendAsync(Frames.Terminate("t"));
        var (status, description, _) = await client.ReceiveCloseAsync();
        Assert.Equal((WebSocketCloseStatus)4001, status);
        Assert.Equal("session terminated", description);

        await using var later = await TestClient.ConnectAsync(engine);
        await later.SendAsync(Frames.Connect("c", sessionId));
        var error = Assert.IsType<ErrorEvent>(await later.ReceiveAsync());
        Assert.Equal(ErrorCode.SessionTerminated, error.Data.ErrorCode);
        Assert.Equal("c", error.RequestId);
        Assert.Contains("terminated", error.Data.Error, System.StringComparison.Ordinal);

        using var http = TestEngine.Http(engine);
        using var response = await http.GetAsync(engine.HistoryAddress(sessionId));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(engine.GetStoredEvents(sessionId));
    }

    [Fact]
    public async Task Terminate_closes_every_connection_attached_to_the_session()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = first;
        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", created.Data.SessionId));
        await second.NextAsync<SessionConnectedEvent>();

        await first.SendAsync(Frames.Terminate("t"));
        Assert.Equal((WebSocketCloseStatus)4001, (await first.ReceiveCloseAsync()).Status);
        Assert.Equal((WebSocketCloseStatus)4001, (await second.ReceiveCloseAsync()).Status);
    }

    [Fact]
    public async Task Frames_that_need_a_session_are_refused_before_create_or_connect()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);
        foreach (var frame in new[] { Frames.Post("a", "hi"), Frames.Approve("b", "apr_x"), Frames.Terminate("c") })
        {
            await client.SendAsync(frame);
            var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
            Assert.Equal(ErrorCode.NotAttached, error.Data.ErrorCode);
            Assert.Equal(string.Empty, error.SessionId);
        }

        Assert.Empty(await client.DrainAsync());
    }

    [Fact]
    public async Task A_connection_attaches_to_one_session_only()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync(Frames.Create("again"));
        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.AlreadyAttached, error.Data.ErrorCode);
        Assert.Equal("again", error.RequestId);
        Assert.Equal(created.Data.SessionId, error.SessionId);
    }

    [Fact]
    public async Task Two_sessions_do_not_see_each_others_events()
    {
        await using var engine = await TestEngine.StartAsync();
        var (alice, aliceCreated) = await TestClient.CreateSessionAsync(engine);
        var (bob, bobCreated) = await TestClient.CreateSessionAsync(engine);
        await using var _ = alice;
        await using var __ = bob;

        await alice.SendAsync(Frames.Post("a", "count 30"));
        await bob.SendAsync(Frames.Post("b", "think search cats"));
        var aliceTurn = await alice.UntilAsync<MessageCompleteEvent>();
        var bobTurn = await bob.UntilAsync<MessageCompleteEvent>();
        aliceTurn.AddRange(await alice.DrainAsync());
        bobTurn.AddRange(await bob.DrainAsync());

        Assert.All(aliceTurn, e => Assert.Equal(aliceCreated.Data.SessionId, e.SessionId));
        Assert.All(bobTurn, e => Assert.Equal(bobCreated.Data.SessionId, e.SessionId));
        Assert.Equal(30, aliceTurn.OfType<MessageDeltaEvent>().Count());
        Assert.DoesNotContain(aliceTurn, e => e is ThinkingEvent or SearchResultEvent);
        Assert.Single(bobTurn.OfType<SearchResultEvent>());
        Assert.Equal(Wire.Of(engine.GetStoredEvents(aliceCreated.Data.SessionId)), Wire.Of(aliceTurn.Where(e => e.Seq is not null)));
        Assert.Equal(Wire.Of(engine.GetStoredEvents(bobCreated.Data.SessionId)), Wire.Of(bobTurn.Where(e => e.Seq is not null)));
    }
}
