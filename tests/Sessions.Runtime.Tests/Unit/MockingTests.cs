using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine; // beside Sessions: no type name is in both (ApprovalDecision once collided)
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// SessionClient and Session can be replaced by hand-written test doubles (protected constructors, virtual members),
/// as with the Azure SDK: an application's class is tested with no engine and no transport at all.
/// </summary>
public sealed class MockingTests
{
    /// <summary>An application's code: answers every approval with the policy it was given, returns the reply.</summary>
    private sealed class Assistant(SessionClient client, ApprovalDecision policy)
    {
        public async Task<string> AskAsync(string question, CancellationToken cancellationToken)
        {
            await using var session = await client.Agent("assistant").CreateSessionAsync(cancellationToken);
            var events = session.ListenAsync(cancellationToken: cancellationToken);
            await session.SendAsync(question, cancellationToken);
            await foreach (var evt in events)
            {
                switch (evt)
                {
                    case ApprovalRequestEvent approval:
                        await session.RespondApprovalAsync(approval, policy.Approved, denyReason: policy.DenyReason, cancellationToken: cancellationToken);
                        break;
                    case MessageCompleteEvent complete:
                        return complete.Data.Text;
                }
            }

            return string.Empty;
        }
    }

    private sealed class FakeClient(FakeSession session) : SessionClient
    {
        public List<string?> AgentsAsked { get; } = new();

        // "protected override" in an application; this test project also sees the runtime's internals.
        protected internal override Task<Session> CreateSessionAsync(string? agentId, string? chatbotId, CancellationToken cancellationToken)
        {
            AgentsAsked.Add(agentId);
            return Task.FromResult<Session>(session);
        }
    }

    private sealed class FakeSession(params SessionEvent[] script) : Session
    {
        public List<string?> Sent { get; } = new();

        public List<(string ApprovalId, bool Approved, string? DenyReason)> Answers { get; } = new();

        public bool Disposed { get; private set; }

        public override Task SendAsync(UserSessionMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message.Text);
            return Task.CompletedTask;
        }

        public override Task RespondApprovalAsync(ApprovalRequestEvent evt, bool approved, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
        {
            Answers.Add((evt.Data.ApprovalId, approved, denyReason));
            return Task.CompletedTask;
        }

        public override IAsyncEnumerable<SessionEvent> ListenAsync(IEnumerable<SessionEventType>? eventTypes = null, int maxQueue = DefaultMaxQueue, CancellationToken cancellationToken = default)
            => Replay(cancellationToken);

        protected override ValueTask DisposeAsyncCore()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }

        private async IAsyncEnumerable<SessionEvent> Replay([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var evt in script)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return evt;
            }
        }
    }

    [Fact]
    public async Task An_application_class_runs_on_a_fake_client_and_a_fake_session()
    {
        var session = new FakeSession(
            new ApprovalRequestEvent { SessionId = "s", Data = new ApprovalRequestEventData { ApprovalId = "ap1", ToolName = "delete", ToolId = "t", Arguments = new Dictionary<string, System.Text.Json.JsonElement>() } },
            new MessageCompleteEvent { SessionId = "s", Data = new MessageCompleteEventData { Text = "Not deleted.", Status = SessionMessageStatus.Complete } });
        var client = new FakeClient(session);

        var reply = await new Assistant(client, new ApprovalDecision(false, DenyReason: "never delete")).AskAsync("Delete everything?", CancellationToken.None);

        Assert.Equal("Not deleted.", reply);
        Assert.Equal(["assistant"], client.AgentsAsked);
        Assert.Equal(["Delete everything?"], session.Sent);
        Assert.Equal(("ap1", false, "never delete"), session.Answers.Single());
        Assert.True(session.Disposed);
    }

    [Fact]
    public void A_double_made_with_the_protected_constructor_says_so_when_a_member_is_not_overridden()
    {
        var session = new FakeSession();
        var error = Assert.Throws<System.NotSupportedException>(() => session.State);
        Assert.Contains("test double", error.Message);
        _ = typeof(ToolApproval); // the engine's answer type, in scope beside the client's ApprovalDecision
    }
}
