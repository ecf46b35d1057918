using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

/// <summary>The three answers to an approval request, and the guards on answering.</summary>
public sealed class ApprovalTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _engine;

    public ApprovalTests(EngineFixture engine) => _engine = engine;

    private async Task<(Session Session, IAsyncEnumerator<SessionEvent> Events, ApprovalRequestEvent Request)> PauseAtApprovalAsync(SessionClient client)
    {
        var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var events = session.ListenAsync(maxQueue: 0, cancellationToken: Within.Token()).GetAsyncEnumerator();
        await session.SendAsync("please approve the email", Within.Token());
        while (await events.MoveNextAsync())
        {
            if (events.Current is ApprovalRequestEvent request)
            {
                return (session, events, request);
            }
        }

        throw new InvalidOperationException("No approval request came.");
    }

    private static async Task<List<SessionEvent>> RestOfTurnAsync(IAsyncEnumerator<SessionEvent> events)
    {
        var rest = new List<SessionEvent>();
        while (await events.MoveNextAsync())
        {
            rest.Add(events.Current);
            if (events.Current.IsComplete)
            {
                break;
            }
        }

        return rest;
    }

    [Fact]
    public async Task Approving_runs_the_tool_with_the_proposed_arguments()
    {
        using var client = _engine.Client();
        var (session, events, request) = await PauseAtApprovalAsync(client);
        await using var _ = session;

        Assert.Equal("send_email", request.ToolName);
        Assert.Equal("team@example.com", request.Data.Arguments["to"].GetString());
        await session.RespondAsync(request, approved: true, cancellationToken: Within.Token());
        var rest = await RestOfTurnAsync(events);

        Assert.Contains(rest, e => e is ToolCallEvent { Data.Status: ToolCallStatus.Completed, ToolName: "send_email" });
        Assert.EndsWith("Approved: I sent the email to team@example.com.", rest.OfType<MessageCompleteEvent>().Single().Text);
    }

    [Fact]
    public async Task Approving_with_confirm_runs_the_tool_with_the_overrides()
    {
        using var client = _engine.Client();
        var (session, events, request) = await PauseAtApprovalAsync(client);
        await using var _ = session;

        var confirm = new Dictionary<string, JsonElement> { ["to"] = JsonSerializer.SerializeToElement("ops@example.com"), ["subject"] = JsonSerializer.SerializeToElement("Status") };
        await session.RespondApprovalAsync(request, approved: true, confirm, cancellationToken: Within.Token());
        var rest = await RestOfTurnAsync(events);

        Assert.EndsWith("Approved: I sent the email to ops@example.com.", rest.OfType<MessageCompleteEvent>().Single().Text);
    }

    [Fact]
    public async Task An_answer_whose_acknowledgement_is_lost_in_a_drop_returns_after_the_resume_and_is_applied_once()
    {
        using var client = _engine.Client();
        var (session, events, request) = await PauseAtApprovalAsync(client);
        await using var _ = session;

        // The engine takes the answer, then drops the connection instead of sending response_accepted.
        _engine.Engine.Faults.ForSession(session.SessionId!).DropAfterEvents(0);
        await session.RespondApprovalAsync(request, approved: true, cancellationToken: Within.Token());
        var rest = await RestOfTurnAsync(events);

        Assert.Contains(rest, e => e is SessionConnectedEvent); // it did resume
        Assert.EndsWith("Approved: I sent the email to team@example.com.", rest.OfType<MessageCompleteEvent>().Single().Text);
        Assert.DoesNotContain(rest, e => e is ErrorEvent);
        Assert.Equal(rest.Count(e => e.Seq is not null), rest.Where(e => e.Seq is not null).Select(e => e.Seq).Distinct().Count());
    }

    [Fact]
    public async Task Denying_skips_the_tool_and_the_reply_mentions_the_reason()
    {
        using var client = _engine.Client();
        var (session, events, request) = await PauseAtApprovalAsync(client);
        await using var _ = session;

        await session.RespondAsync(request, approved: false, denyReason: "not on a Friday", cancellationToken: Within.Token());
        var rest = await RestOfTurnAsync(events);

        Assert.DoesNotContain(rest, e => e is ToolCallEvent);
        Assert.EndsWith("Denied: I did not send the email (not on a Friday).", rest.OfType<MessageCompleteEvent>().Single().Text);
    }

    [Fact]
    public async Task An_approval_waits_across_a_resume_and_is_answerable_after_it()
    {
        using var client = _engine.Client();
        var (session, events, request) = await PauseAtApprovalAsync(client);
        await events.DisposeAsync();
        var id = session.SessionId!;
        await session.DisposeAsync(); // the turn waits on the engine

        await using var resumed = await client.ResumeSessionAsync(id, afterSeq: request.Seq, cancellationToken: Within.Token());
        var listening = resumed.ListenAsync(maxQueue: 0, cancellationToken: Within.Token());
        await resumed.RespondAsync(request, approved: true, cancellationToken: Within.Token());
        var rest = await Turns.UntilCompleteAsync(listening);

        Assert.EndsWith("Approved: I sent the email to team@example.com.", rest.OfType<MessageCompleteEvent>().Single().Text);
        Assert.DoesNotContain(rest, e => e is ApprovalRequestEvent); // replay started after the request's seq
    }

    [Fact]
    public async Task Answering_twice_or_answering_a_non_pause_event_is_refused_clearly()
    {
        using var client = _engine.Client();
        var (session, events, request) = await PauseAtApprovalAsync(client);
        await using var _ = session;

        var notAPause = new MessageDeltaEvent { SessionId = session.SessionId!, Data = new MessageDeltaEventData { Delta = "x" } };
        var wrongKind = await Assert.ThrowsAsync<ArgumentException>(() => session.RespondAsync(notAPause, approved: true));
        Assert.Contains("MessageDelta", wrongKind.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => session.RespondApprovalAsync(request, false, new Dictionary<string, JsonElement>()));

        var errors = session.ListenAsync<ErrorEvent>(cancellationToken: Within.Token()).GetAsyncEnumerator(); // registered before the answers
        await session.RespondApprovalAsync(request, approved: false, denyReason: "no", cancellationToken: Within.Token());
        var refused = await Assert.ThrowsAsync<ApprovalAnswerException>(() => session.RespondApprovalAsync(request, approved: true, cancellationToken: Within.Token()));
        Assert.Equal("approval_already_answered", refused.Code);
        Assert.Equal(request.Data.ApprovalId, refused.ApprovalId);
        await RestOfTurnAsync(events);

        Assert.True(await errors.MoveNextAsync());
        var error = errors.Current;
        Assert.Equal("approval_already_answered", error.Data.Code);
        Assert.NotNull(error.RequestId);
        Assert.True(session.IsConnected);
    }
}
