using System;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;
using Xunit;

namespace Sessions.Engine.Tests;

/// <summary>
/// How the engine acknowledges <c>send_response</c>: every accepted answer gets <c>response_accepted</c> with the frame's
/// request id; an answer is idempotent by approval id (the same decision again is a success, the other one is refused).
/// </summary>
public sealed class ApprovalAnswerTests
{
    [Fact]
    public async Task An_answer_is_acknowledged_with_response_accepted_before_the_turn_goes_on()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approve the email"));
        var request = await client.NextAsync<ApprovalRequestEvent>();

        await client.SendAsync(Frames.Approve("yes", request.Data.ApprovalId));
        var rest = await client.UntilAsync<MessageCompleteEvent>();

        var accepted = Assert.IsType<ResponseAcceptedEvent>(rest[0]);
        Assert.Equal("yes", accepted.RequestId);
        Assert.Null(accepted.Seq);
        Assert.Equal(request.Data.ApprovalId, accepted.Data.ApprovalId);
        Assert.True(accepted.Data.Approved);
        Assert.False(accepted.Data.Repeated);
        Assert.Single(rest.OfType<ResponseAcceptedEvent>());
    }

    [Fact]
    public async Task The_acknowledgement_comes_before_the_resumed_turns_events_in_every_turn_of_many()
    {
        // The turn resumes on another thread as soon as the answer is taken: the acknowledgement must already be queued.
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.Zero);
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        for (var round = 0; round < 30; round++)
        {
            await client.SendAsync(Frames.Post("p" + round, "approve"));
            var request = await client.NextAsync<ApprovalRequestEvent>();
            await client.SendAsync(round % 2 == 0 ? Frames.Approve("a" + round, request.Data.ApprovalId) : Frames.Deny("a" + round, request.Data.ApprovalId, "no"));

            var first = await client.ReceiveAsync();
            Assert.True(first is ResponseAcceptedEvent, $"round {round}: {first.GetType().Name} came before response_accepted");
            await client.NextAsync<MessageCompleteEvent>();
        }
    }

    [Fact]
    public async Task A_denial_is_acknowledged_with_approved_false()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approve"));
        var request = await client.NextAsync<ApprovalRequestEvent>();

        await client.SendAsync(Frames.Deny("no", request.Data.ApprovalId, "not now"));
        var accepted = await client.NextAsync<ResponseAcceptedEvent>();
        Assert.Equal("no", accepted.RequestId);
        Assert.False(accepted.Data.Approved);
        Assert.False(accepted.Data.Repeated);
        Assert.Contains("Denied", (await client.NextAsync<MessageCompleteEvent>()).Data.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_answer_again_on_another_connection_is_a_repeated_success_applied_once()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = first;
        await first.SendAsync(Frames.Post("p", "approve the email"));
        var request = await first.NextAsync<ApprovalRequestEvent>();
        await first.SendAsync(Frames.Approve("a1", request.Data.ApprovalId));
        await first.NextAsync<MessageCompleteEvent>();

        // A client whose connection dropped before the acknowledgement re-sends the answer after resuming.
        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", created.Data.SessionId));
        var connected = await second.NextAsync<SessionConnectedEvent>();
        Assert.Empty(connected.Data.PendingApprovals);
        await second.SendAsync(Frames.Approve("a2", request.Data.ApprovalId));
        var repeated = await second.NextAsync<ResponseAcceptedEvent>();
        Assert.Equal("a2", repeated.RequestId);
        Assert.True(repeated.Data.Approved);
        Assert.True(repeated.Data.Repeated);

        // Applied once: one tool run, one completed reply, in the stored log.
        var stored = engine.GetStoredEvents(created.Data.SessionId);
        Assert.Single(stored.OfType<ToolResultEvent>());
        Assert.Single(stored.OfType<MessageCompleteEvent>());
        Assert.Empty(await second.DrainAsync());
    }

    [Fact]
    public async Task The_other_decision_after_an_answer_is_refused_with_approval_already_answered_and_changes_nothing()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approve"));
        var request = await client.NextAsync<ApprovalRequestEvent>();
        await client.SendAsync(Frames.Deny("d1", request.Data.ApprovalId, "no"));
        await client.NextAsync<ResponseAcceptedEvent>();
        await client.NextAsync<MessageCompleteEvent>();

        await client.SendAsync(Frames.Approve("a1", request.Data.ApprovalId));
        var refused = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        Assert.Equal("a1", refused.RequestId);
        Assert.Equal(ErrorCode.ApprovalAlreadyAnswered, refused.Data.ErrorCode);
        Assert.Null(refused.Seq);
        Assert.Empty(engine.GetStoredEvents(created.Data.SessionId).OfType<ToolResultEvent>());
    }

    [Fact]
    public async Task Two_connections_racing_to_answer_the_same_way_both_succeed_and_the_tool_runs_once()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = first;
        await first.SendAsync(Frames.Post("p", "approve"));
        var request = await first.NextAsync<ApprovalRequestEvent>();
        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", created.Data.SessionId, request.Seq));
        await second.NextAsync<SessionConnectedEvent>();

        await Task.WhenAll(first.SendAsync(Frames.Approve("x", request.Data.ApprovalId)), second.SendAsync(Frames.Approve("y", request.Data.ApprovalId)));
        var answers = new[] { await first.NextAsync<ResponseAcceptedEvent>(), await second.NextAsync<ResponseAcceptedEvent>() };

        Assert.All(answers, a => Assert.True(a.Data.Approved));
        Assert.Equal(1, answers.Count(a => a.Data.Repeated));
        await first.NextAsync<MessageCompleteEvent>();
        Assert.Single(engine.GetStoredEvents(created.Data.SessionId).OfType<ToolResultEvent>());
    }
}
