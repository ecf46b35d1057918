using System.Linq;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

/// <summary>The one-turn helper, like the Python SDK's agent.run.</summary>
public sealed class RunTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _engine;

    public RunTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public async Task A_run_returns_the_reply_and_terminates_its_session()
    {
        using var client = _engine.Client();

        var result = await client.Agent("a").RunAsync("hello", new RunOptions { IncludeDeltas = true }, Within.Token());

        Assert.Equal("You said: hello.", result.FinalMessage);
        Assert.Equal(SessionMessageStatus.Complete, result.Status);
        Assert.Equal(result.FinalMessage, Turns.Deltas(result.Events));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => client.ResumeSessionAsync(result.SessionId, cancellationToken: Within.Token()));
    }

    [Fact]
    public async Task An_approval_stops_a_run_with_the_request_and_keeps_the_session()
    {
        using var client = _engine.Client();

        var error = await Assert.ThrowsAsync<SessionActionRequiredException>(() => client.Agent("a").RunAsync("approve it", cancellationToken: Within.Token()));

        var request = Assert.IsType<ApprovalRequestEvent>(error.Event);
        await using var resumed = await client.ResumeSessionAsync(error.SessionId, afterSeq: request.Seq, cancellationToken: Within.Token());
        var listening = resumed.ListenAsync(maxQueue: 0);
        await resumed.RespondApprovalAsync(request, approved: true, cancellationToken: Within.Token());
        Assert.EndsWith("Approved: I sent the email to team@example.com.", (await Turns.UntilCompleteAsync(listening)).OfType<MessageCompleteEvent>().Single().Text);
    }

    [Fact]
    public async Task An_approval_handler_answers_during_the_run()
    {
        using var client = _engine.Client();

        var result = await client.Agent("a").RunAsync("approve it", new RunOptions
        {
            ApprovalHandler = (request, _) => new ValueTask<ApprovalDecision>(new ApprovalDecision(false, DenyReason: "handler says no")),
        }, Within.Token());

        Assert.EndsWith("Denied: I did not send the email (handler says no).", result.FinalMessage);
        Assert.Contains(result.Events, e => e is ApprovalRequestEvent);
        Assert.DoesNotContain(result.Events, e => e is MessageDeltaEvent);
    }
}
