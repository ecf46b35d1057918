using System;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("this is not json", ErrorCode.InvalidJson, null, "not valid JSON")]
    [InlineData("{\"type\":\"ping\",\"request_id\":\"x\"", ErrorCode.InvalidJson, null, "not valid JSON")]
    [InlineData("{\"type\":\"ping\",\"request_id\":\"x\"} {}", ErrorCode.InvalidJson, "x", "more than one JSON value")]
    [InlineData("[1,2,3]", ErrorCode.InvalidFrame, null, "JSON object")]
    [InlineData("{\"request_id\":\"r9\",\"data\":{}}", ErrorCode.InvalidFrame, "r9", "no \"type\"")]
    [InlineData("{\"type\":42,\"request_id\":\"r9\"}", ErrorCode.InvalidFrame, "r9", "type")]
    [InlineData("{\"type\":\"dance\",\"request_id\":\"r8\"}", ErrorCode.UnknownType, "r8", "dance")]
    [InlineData("{\"request_id\":\"r7\",\"type\":\"connect_session\",\"data\":{}}", ErrorCode.InvalidFrame, "r7", "session_id")]
    [InlineData("{\"type\":\"connect_session\",\"request_id\":\"r6\",\"data\":{\"session_id\":\"abc\",\"last_seq\":\"ten\"}}", ErrorCode.InvalidFrame, "r6", "last_seq")]
    [InlineData("{\"type\":\"connect_session\",\"request_id\":\"r5\",\"data\":{\"session_id\":\"abc\",\"last_seq\":-1}}", ErrorCode.InvalidFrame, "r5", "last_seq")]
    [InlineData("{\"type\":\"ping\"}", ErrorCode.InvalidFrame, null, "request_id")]
    [InlineData("{\"type\":\"create_session\",\"request_id\":\"r4\",\"data\":{}}", ErrorCode.InvalidFrame, "r4", "agent_id")]
    [InlineData("{\"type\":\"create_session\",\"request_id\":\"r3\",\"data\":{\"agent_id\":\"a\",\"chatbot_id\":\"b\"}}", ErrorCode.InvalidFrame, "r3", "exactly one")]
    [InlineData("", ErrorCode.InvalidJson, null, "empty")]
    public async Task A_bad_frame_gets_an_error_that_says_what_was_wrong_and_the_connection_carries_on(string frame, ErrorCode code, string? requestId, string says)
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);

        await client.SendAsync(frame);
        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(code, error.Data.ErrorCode);
        Assert.Equal(requestId, error.RequestId);
        Assert.Contains(says, error.Data.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(error.Data.Retryable);
        Assert.Null(error.Seq);

        Assert.Empty(await client.DrainAsync());
    }

    [Theory]
    [InlineData("{\"content_type\":\"text\"}", "needs \"text\"")]
    [InlineData("{\"content_type\":\"file\",\"text\":\"x\"}", "needs \"file\"")]
    [InlineData("{\"content_type\":\"video\",\"text\":\"x\"}", "content_type")]
    [InlineData("{\"content_type\":\"file\",\"file\":{\"name\":\"a.txt\",\"mime_type\":\"text/plain\",\"data_base64\":\"%%%\"}}", "base64")]
    [InlineData("{\"text\":\"no content type\"}", "content_type")]
    public async Task An_invalid_message_is_refused_and_stores_nothing(string message, string says)
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync("{\"type\":\"post_message\",\"request_id\":\"bad\",\"data\":{\"message\":" + message + "}}");
        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.InvalidFrame, error.Data.ErrorCode);
        Assert.Equal("bad", error.RequestId);
        Assert.Equal(created.Data.SessionId, error.SessionId);
        Assert.Contains(says, error.Data.Error, StringComparison.Ordinal);

        Assert.Empty(await client.DrainAsync());
        Assert.Empty((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages);
    }

    [Fact]
    public async Task An_empty_post_messages_is_refused()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;

        await client.SendAsync("""{"type":"post_messages","request_id":"e","data":{"messages":[]}}""");
        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.InvalidFrame, error.Data.ErrorCode);
        Assert.Equal("e", error.RequestId);
    }

    [Fact]
    public async Task A_binary_frame_gets_an_error_and_the_connection_carries_on()
    {
        await using var engine = await TestEngine.StartAsync();
        await using var client = await TestClient.ConnectAsync(engine);

        await client.SendBinaryAsync(Encoding.UTF8.GetBytes(Frames.Ping("bin")));
        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.InvalidFrame, error.Data.ErrorCode);
        Assert.Contains("text frame", error.Data.Error, StringComparison.Ordinal);
        Assert.Empty(await client.DrainAsync());
    }

    [Fact]
    public async Task A_frame_over_the_limit_closes_with_1009_and_loses_nothing_stored()
    {
        await using var engine = await TestEngine.StartAsync(o => o.MaxFrameBytes = 4096);
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        await client.SendAsync(Frames.Post("p", "hello"));
        var turn = await client.UntilAsync<MessageCompleteEvent>();

        // A frame at the limit is fine; one byte over it is not.
        var atLimit = Frames.Post("big", new string('x', 4096 - Frames.Post("big", string.Empty).Length));
        Assert.Equal(4096, Encoding.UTF8.GetByteCount(atLimit));
        await client.SendAsync(atLimit);
        await client.NextAsync<MessagePostedEvent>(e => e.RequestId == "big");

        await client.SendAsync(atLimit + " ");
        var (status, description, _) = await client.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Contains("4096", description, StringComparison.Ordinal);

        // The session and everything stored before are intact.
        await using var again = await TestClient.ConnectAsync(engine);
        await again.SendAsync(Frames.Connect("c", created.Data.SessionId));
        await again.NextAsync<SessionConnectedEvent>();
        var replayed = await again.NextAsync<MessageCompleteEvent>(e => e.MessageId == turn[^1].MessageId);
        Assert.Equal("You said: hello.", replayed.Data.Text);
    }

    [Fact]
    public async Task A_frame_far_over_the_default_4_MiB_limit_closes_with_1009()
    {
        await using var engine = await TestEngine.StartAsync();
        Assert.Equal(4 * 1024 * 1024, LocalEngineOptions.DefaultMaxFrameBytes);
        await using var client = await TestClient.ConnectAsync(engine);

        var huge = Frames.Post("huge", new string('y', LocalEngineOptions.DefaultMaxFrameBytes));
        await client.SendAsync(huge);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, (await client.ReceiveCloseAsync()).Status);
    }

    [Fact]
    public async Task Bad_input_on_one_session_does_not_disturb_another()
    {
        await using var engine = await TestEngine.StartAsync();
        var (good, goodCreated) = await TestClient.CreateSessionAsync(engine);
        var (bad, _) = await TestClient.CreateSessionAsync(engine);
        await using var _ = good;
        await using var __ = bad;

        await good.SendAsync(Frames.Post("g", "count 20"));
        foreach (var frame in new[] { "garbage", "{}", "{\"type\":\"nope\",\"request_id\":\"n\"}" })
        {
            await bad.SendAsync(frame);
        }

        var events = await good.UntilAsync<MessageCompleteEvent>();
        events.AddRange(await good.DrainAsync());
        Assert.DoesNotContain(events, e => e is ErrorEvent);
        Assert.Equal(20, events.OfType<MessageDeltaEvent>().Count());
        Assert.Equal(3, (await bad.DrainAsync()).OfType<ErrorEvent>().Count());
        Assert.Equal(Wire.Of(engine.GetStoredEvents(goodCreated.Data.SessionId)), Wire.Of(events.Where(e => e.Seq is not null)));
    }
}
