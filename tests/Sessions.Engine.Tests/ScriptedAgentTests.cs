using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class ScriptedAgentTests
{
    [Fact]
    public async Task Think_emits_a_thinking_summary_before_the_reply()
    {
        var events = await RunTurnAsync("please think");
        var thinking = Assert.Single(events.OfType<ThinkingEvent>());
        Assert.False(string.IsNullOrWhiteSpace(thinking.Data.Summary));
        Assert.True(events.IndexOf(thinking) < events.FindIndex(e => e is MessageDeltaEvent));
    }

    [Fact]
    public async Task Tool_calls_a_tool_started_then_completed_with_its_result()
    {
        var events = await RunTurnAsync("use the tool");
        var calls = events.OfType<ToolCallEvent>().ToList();
        Assert.Equal([ToolCallStatus.Started, ToolCallStatus.Completed], calls.Select(c => c.Data.Status).ToArray());
        Assert.All(calls, c => Assert.Equal(ScriptedAgent.LookupTool, c.Data.ToolName));
        Assert.Equal(calls[0].Data.ToolCallId, calls[1].Data.ToolCallId);
        Assert.True(calls[0].Data.Arguments.ContainsKey("query"));

        var result = Assert.Single(events.OfType<ToolResultEvent>());
        Assert.Equal(calls[0].Data.ToolCallId, result.Data.ToolCallId);
        Assert.Equal(42, result.Data.Result.GetProperty("answer").GetInt32());
        Assert.True(events.IndexOf(result) > events.IndexOf(calls[1]));
        Assert.Contains("answered 42", events.OfType<MessageCompleteEvent>().Single().Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_reports_results_for_the_query()
    {
        var events = await RunTurnAsync("search for blue whales");
        var search = Assert.Single(events.OfType<SearchResultEvent>());
        Assert.Equal("blue whales", search.Data.Query);
        Assert.Equal(3, search.Data.Results.Count);
        Assert.All(search.Data.Results, r => Assert.True(r.Url.IsAbsoluteUri));
        Assert.Contains("3 results for \"blue whales\"", events.OfType<MessageCompleteEvent>().Single().Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reauth_asks_to_authorise_the_integration_again()
    {
        var events = await RunTurnAsync("reauth please");
        var reauth = Assert.Single(events.OfType<ReauthRequestEvent>());
        Assert.Equal(ScriptedAgent.ReauthIntegration, reauth.Data.Integration);
        Assert.NotNull(reauth.Data.AuthUrl);
        Assert.Equal(SessionMessageStatus.Complete, events.OfType<MessageCompleteEvent>().Single().Data.Status);
    }

    [Fact]
    public async Task Status_reports_participant_state_changes()
    {
        var events = await RunTurnAsync("status");
        var states = events.OfType<ParticipantStatusEvent>().Select(e => e.Data.Status).ToArray();
        Assert.Equal([ParticipantState.Thinking, ParticipantState.Typing, ParticipantState.Idle], states);
        Assert.All(events.OfType<ParticipantStatusEvent>(), e => Assert.Equal("agent-1", e.Data.ParticipantId));
    }

    [Fact]
    public async Task Fail_ends_the_turn_with_a_stored_error_and_an_error_status()
    {
        var events = await RunTurnAsync("fail now");
        var error = Assert.Single(events.OfType<ErrorEvent>());
        Assert.Equal(ErrorCode.AgentError, error.Data.ErrorCode);
        Assert.NotNull(error.Seq);
        Assert.Null(error.RequestId);
        var complete = Assert.IsType<MessageCompleteEvent>(events[^1]);
        Assert.Equal(SessionMessageStatus.Error, complete.Data.Status);
        Assert.True(events.IndexOf(error) < events.Count - 1);
    }

    [Fact]
    public async Task Count_streams_exactly_n_deltas()
    {
        var events = await RunTurnAsync("count 250");
        var deltas = events.OfType<MessageDeltaEvent>().ToList();
        Assert.Equal(250, deltas.Count);
        Assert.Equal(string.Join(" ", Enumerable.Range(1, 250)), events.OfType<MessageCompleteEvent>().Single().Data.Text);
    }

    [Fact]
    public async Task Approve_pauses_the_turn_until_approved_then_runs_the_tool_with_the_proposed_arguments()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approve the email"));

        var request = await client.NextAsync<ApprovalRequestEvent>();
        Assert.StartsWith("apr_", request.Data.ApprovalId, StringComparison.Ordinal);
        Assert.Equal(ScriptedAgent.ApprovalTool, request.Data.ToolName);
        Assert.False(string.IsNullOrEmpty(request.Data.ToolId));
        Assert.Equal("team@example.com", request.Data.Arguments["to"].GetString());

        // The turn waits: nothing follows the request until the answer.
        Assert.Empty(await client.DrainAsync());

        await client.SendAsync(Frames.Approve("yes", request.Data.ApprovalId));
        var rest = await client.UntilAsync<MessageCompleteEvent>();
        var calls = rest.OfType<ToolCallEvent>().ToList();
        Assert.Equal([ToolCallStatus.Started, ToolCallStatus.Completed], calls.Select(c => c.Data.Status).ToArray());
        Assert.Equal(Json(request.Data.Arguments), Json(calls[0].Data.Arguments));
        Assert.True(rest.OfType<ToolResultEvent>().Single().Data.Result.GetProperty("sent").GetBoolean());
        Assert.Contains("Approved: I sent the email to team@example.com.", ((MessageCompleteEvent)rest[^1]).Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_with_confirm_runs_the_tool_with_the_overriding_arguments()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approval needed"));
        var request = await client.NextAsync<ApprovalRequestEvent>();

        await client.SendAsync(Frames.Approve("yes", request.Data.ApprovalId, """{"to":"boss@example.com","subject":"Override"}"""));
        var rest = await client.UntilAsync<MessageCompleteEvent>();
        var started = rest.OfType<ToolCallEvent>().First();
        Assert.Equal("boss@example.com", started.Data.Arguments["to"].GetString());
        Assert.Equal("Override", started.Data.Arguments["subject"].GetString());
        Assert.Equal("boss@example.com", rest.OfType<ToolResultEvent>().Single().Data.Result.GetProperty("to").GetString());
        Assert.Contains("sent the email to boss@example.com", ((MessageCompleteEvent)rest[^1]).Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deny_skips_the_tool_and_the_reply_gives_the_reason()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approve"));
        var request = await client.NextAsync<ApprovalRequestEvent>();

        await client.SendAsync(Frames.Deny("no", request.Data.ApprovalId, "not during the holidays"));
        var rest = await client.UntilAsync<MessageCompleteEvent>();
        Assert.DoesNotContain(rest, e => e is ToolCallEvent or ToolResultEvent);
        var complete = (MessageCompleteEvent)rest[^1];
        Assert.Equal(SessionMessageStatus.Complete, complete.Data.Status);
        Assert.Contains("Denied", complete.Data.Text, StringComparison.Ordinal);
        Assert.Contains("not during the holidays", complete.Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_survives_a_reconnect_and_is_listed_as_pending()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        await first.SendAsync(Frames.Post("p", "approve"));
        var request = await first.NextAsync<ApprovalRequestEvent>();
        await first.DisposeAsync();

        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", created.Data.SessionId, request.Seq));
        var connected = await second.NextAsync<SessionConnectedEvent>();
        Assert.Equal([request.Data.ApprovalId], connected.Data.PendingApprovals.ToArray());
        Assert.Equal(request.Seq, connected.Data.LastSeq);

        await second.SendAsync(Frames.Approve("yes", request.Data.ApprovalId));
        var complete = await second.NextAsync<MessageCompleteEvent>();
        Assert.Contains("Approved", complete.Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answering_an_unknown_or_already_answered_approval_is_an_error()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;

        await client.SendAsync(Frames.Approve("u", "apr_does_not_exist"));
        var unknown = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.UnknownApproval, unknown.Data.ErrorCode);
        Assert.Equal("u", unknown.RequestId);
        Assert.Contains("apr_does_not_exist", unknown.Data.Error, StringComparison.Ordinal);

        await client.SendAsync(Frames.Post("p", "approve"));
        var request = await client.NextAsync<ApprovalRequestEvent>();
        await client.SendAsync(Frames.Approve("first", request.Data.ApprovalId));
        await client.NextAsync<MessageCompleteEvent>();
        await client.SendAsync(Frames.Deny("second", request.Data.ApprovalId, "too late"));
        var again = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal(ErrorCode.ApprovalAlreadyAnswered, again.Data.ErrorCode);
        Assert.Equal("second", again.RequestId);
        Assert.Null(again.Seq);
    }

    [Fact]
    public async Task Triggers_combine_in_a_fixed_order()
    {
        var events = await RunTurnAsync("think search tool reauth");
        var kinds = events.Where(e => e is not MessageDeltaEvent).Select(e => e.Type).ToArray();
        Assert.Equal(
            [SessionEventType.MessagePosted, SessionEventType.Thinking, SessionEventType.SearchResult, SessionEventType.ToolCall, SessionEventType.ToolCall,
             SessionEventType.ToolResult, SessionEventType.ReauthRequest, SessionEventType.MessageStreaming, SessionEventType.MessageComplete],
            kinds);
    }

    private static async Task<List<SessionEvent>> RunTurnAsync(string text)
    {
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.Zero);
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", text));
        var events = await client.UntilAsync<MessageCompleteEvent>();
        Assert.Empty(await client.DrainAsync());
        return events;
    }

    private static string Json(IReadOnlyDictionary<string, JsonElement> map)
        => string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.GetRawText()));
}
