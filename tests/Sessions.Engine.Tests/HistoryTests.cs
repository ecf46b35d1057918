using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class HistoryTests
{
    [Fact]
    public async Task History_holds_the_user_message_the_tool_result_and_the_reply_in_seq_order()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var sessionId = created.Data.SessionId;

        await client.SendAsync(Frames.Post("p", "tool time"));
        var events = await client.UntilAsync<MessageCompleteEvent>();
        var posted = (MessagePostedEvent)events[0];
        var complete = (MessageCompleteEvent)events[^1];

        var history = await TestEngine.HistoryAsync(engine, sessionId);
        Assert.Equal(sessionId, history.SessionId);
        Assert.Equal(3, history.Messages.Count);
        Assert.All(history.Messages, m => Assert.Equal(sessionId, m.SessionId));
        Assert.All(history.Messages, m => Assert.NotNull(m.CreatedAt));

        var user = history.Messages[0];
        Assert.Equal(posted.Data.MessageId, user.Id);
        Assert.Equal(SessionMessageRole.User, user.Sender.Role);
        Assert.Equal("text", user.ContentType);
        Assert.Equal("tool time", user.Text);

        var tool = history.Messages[1];
        Assert.Equal(SessionMessageRole.Tool, tool.Sender.Role);
        Assert.Equal(ScriptedAgent.LookupTool, tool.Sender.ObjectId);
        Assert.Equal(events.OfType<ToolResultEvent>().Single().Data.ToolCallId, tool.Id);
        Assert.Contains("42", tool.Text, StringComparison.Ordinal);

        var reply = history.Messages[2];
        Assert.Equal(complete.MessageId, reply.Id);
        Assert.Equal(SessionMessageRole.Assistant, reply.Sender.Role);
        Assert.Equal("agent-1", reply.Sender.ObjectId);
        Assert.Equal("agent", reply.Sender.ObjectType);
        Assert.Equal(complete.Data.Text, reply.Text);
        Assert.Equal(SessionMessageStatus.Complete, reply.Status);
        Assert.Equal(complete.Seq, reply.Seq);

        var seqs = history.Messages.Select(m => m.Seq).ToArray();
        Assert.Equal(seqs.Order().ToArray(), seqs);
        Assert.Equal(seqs.Length, seqs.Distinct().Count());
    }

    [Fact]
    public async Task After_seq_returns_only_what_is_newer()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var sessionId = created.Data.SessionId;

        await client.SendAsync(Frames.Post("p1", "first"));
        var firstComplete = await client.NextAsync<MessageCompleteEvent>();
        await client.SendAsync(Frames.Post("p2", "second"));
        var secondComplete = await client.NextAsync<MessageCompleteEvent>();

        var all = await TestEngine.HistoryAsync(engine, sessionId);
        Assert.Equal(["first", "You said: first.", "second", "You said: second."], all.Messages.Select(m => m.Text!).ToArray());

        var newer = await TestEngine.HistoryAsync(engine, sessionId, firstComplete.Seq);
        Assert.Equal(["second", "You said: second."], newer.Messages.Select(m => m.Text!).ToArray());
        Assert.All(newer.Messages, m => Assert.True(m.Seq > firstComplete.Seq));

        Assert.Empty((await TestEngine.HistoryAsync(engine, sessionId, secondComplete.Seq)).Messages);
        Assert.Equal(4, (await TestEngine.HistoryAsync(engine, sessionId, 0)).Messages.Count);
    }

    [Theory]
    [InlineData("?after_seq=abc")]
    [InlineData("?after_seq=-3")]
    [InlineData("?after_seq=")]
    public async Task A_bad_after_seq_is_400(string query)
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        using var http = TestEngine.Http(engine);
        using var response = await http.GetAsync(new Uri(engine.HistoryAddress(created.Data.SessionId) + query));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("after_seq", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_of_an_unknown_session_is_404()
    {
        await using var engine = await TestEngine.StartAsync();
        using var http = TestEngine.Http(engine);
        using var response = await http.GetAsync(engine.HistoryAddress("ffffffffffffffffffffffff"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":\"not_found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_still_streaming_is_in_history_with_its_text_so_far()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = await TestEngine.StartAsync(o => o.Agent = new HalfwayAgent(release.Task));
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync(Frames.Post("p", "hi"));
        var firstDelta = await client.NextAsync<MessageDeltaEvent>();

        var during = (await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages;
        var streaming = during.Single(m => m.Sender.Role == SessionMessageRole.Assistant);
        Assert.Equal(SessionMessageStatus.Streaming, streaming.Status);
        Assert.Equal("Half", streaming.Text);
        Assert.Equal(firstDelta.MessageId, streaming.Id);

        release.SetResult();
        var complete = await client.NextAsync<MessageCompleteEvent>();
        var after = (await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages;
        var done = after.Single(m => m.Sender.Role == SessionMessageRole.Assistant);
        Assert.Equal(SessionMessageStatus.Complete, done.Status);
        Assert.Equal("Halfway", done.Text);
        Assert.Equal(complete.Seq, done.Seq);
    }

    /// <summary>Streams "Half", waits for the test, streams "way"; the agent leaves completion to the engine.</summary>
    private sealed class HalfwayAgent(Task release) : IAgent
    {
        public async Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken)
        {
            await turn.DeltaAsync("Half", cancellationToken);
            await release.WaitAsync(cancellationToken);
            await turn.DeltaAsync("way", cancellationToken);
        }
    }
}
