using System.Linq;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

public sealed class HistoryTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _engine;

    public HistoryTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public async Task History_holds_the_turns_as_typed_messages_with_their_raw_json()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        await Turns.RunAsync(session, "first tool");
        var midpoint = session.LastSeq;
        await Turns.RunAsync(session, "second");

        var all = await session.GetMessagesAsync(Within.Token());
        var later = await session.GetMessagesAsync(midpoint, Within.Token());

        Assert.Equal(new[] { SessionMessageRole.User, SessionMessageRole.Tool, SessionMessageRole.Assistant, SessionMessageRole.User, SessionMessageRole.Assistant }, all.Select(m => m.Sender.Role));
        Assert.Equal("first tool", all[0].Text);
        Assert.Equal("You said: second.", all[^1].Text);
        Assert.Equal(SessionMessageStatus.Complete, all[^1].Status);
        Assert.All(all, m => Assert.Equal(session.SessionId, m.SessionId));
        Assert.All(all, m => Assert.Equal(m.Id, m.Raw.GetProperty("id").GetString()));
        Assert.Equal(all.Select(m => m.Seq).OrderBy(s => s), all.Select(m => m.Seq));
        Assert.Equal(new[] { "second", "You said: second." }, later.Select(m => m.Text));
    }

    [Fact]
    public async Task History_of_an_unknown_session_is_a_not_found_error_with_status_and_endpoint()
    {
        using var client = _engine.Client();
        var ghost = client.GetSession("0123456789abcdef01234567");

        var error = await Assert.ThrowsAsync<SessionNotFoundException>(() => ghost.GetMessagesAsync(Within.Token()));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GET", error.Method);
        Assert.EndsWith("/v1/sessions/0123456789abcdef01234567/messages", error.Endpoint);
    }
}
