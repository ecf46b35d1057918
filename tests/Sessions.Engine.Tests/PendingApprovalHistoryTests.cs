using System;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;
using Xunit;

namespace Sessions.Engine.Tests;

/// <summary>The history lists the approval requests still waiting, so that a client that restarts can find and answer them.</summary>
public sealed class PendingApprovalHistoryTests
{
    [Fact]
    public async Task A_waiting_approval_is_listed_with_its_tool_arguments_message_and_seq_whatever_after_seq_is()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var sessionId = created.Data.SessionId;
        Assert.Empty((await TestEngine.HistoryAsync(engine, sessionId)).PendingApprovals!);

        await client.SendAsync(Frames.Post("p", "approve the email"));
        var request = await client.NextAsync<ApprovalRequestEvent>();

        foreach (var afterSeq in new long?[] { null, 0, request.Seq, long.MaxValue })
        {
            var history = await TestEngine.HistoryAsync(engine, sessionId, afterSeq);
            var pending = Assert.Single(history.PendingApprovals!);
            Assert.Equal(request.Data.ApprovalId, pending.ApprovalId);
            Assert.Equal(request.Data.ToolName, pending.ToolName);
            Assert.Equal(request.Data.ToolId, pending.ToolId);
            Assert.Equal(request.MessageId, pending.MessageId);
            Assert.Equal(request.Seq, pending.Seq);
            Assert.Equal("team@example.com", pending.Arguments["to"].GetString());
        }

        Assert.Empty((await TestEngine.HistoryAsync(engine, sessionId, long.MaxValue)).Messages);
    }

    [Fact]
    public async Task An_answered_approval_leaves_the_list_and_an_answer_found_there_resumes_the_turn()
    {
        await using var engine = await TestEngine.StartAsync();
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        var sessionId = created.Data.SessionId;
        await first.SendAsync(Frames.Post("p", "approve"));
        await first.NextAsync<ApprovalRequestEvent>();
        await first.DisposeAsync();

        // A client that restarted knows only the session id: the history gives it the approval to answer.
        var pending = Assert.Single((await TestEngine.HistoryAsync(engine, sessionId)).PendingApprovals!);
        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", sessionId, long.MaxValue));
        await second.NextAsync<SessionConnectedEvent>();
        await second.SendAsync(Frames.Deny("d", pending.ApprovalId, "restarted and said no"));
        await second.NextAsync<ResponseAcceptedEvent>();
        Assert.Contains("restarted and said no", (await second.NextAsync<MessageCompleteEvent>()).Data.Text, StringComparison.Ordinal);

        Assert.Empty((await TestEngine.HistoryAsync(engine, sessionId)).PendingApprovals!);
    }
}
