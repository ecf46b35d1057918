using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

/// <summary>A conversation with the local engine, over a real socket: what a user sees.</summary>
public sealed class ConversationTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _engine;

    public ConversationTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public async Task A_reply_streams_as_deltas_between_streaming_and_complete()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        Assert.True(session.IsConnected);
        Assert.Matches(new Regex("^[0-9a-f]{24}$"), session.SessionId);
        var events = await Turns.RunAsync(session, "hello there");

        var complete = Assert.IsType<MessageCompleteEvent>(events[^1]);
        Assert.Equal("You said: hello there.", complete.Text);
        Assert.Equal(complete.Text, Turns.Deltas(events));
        Assert.True(events.OfType<MessageDeltaEvent>().Count() > 1);
        Assert.IsType<MessagePostedEvent>(events[0]); // registered before SendAsync: the ack is not missed
        Assert.True(events.FindIndex(e => e is MessageStreamingEvent) < events.FindIndex(e => e is MessageDeltaEvent));
        var seqs = events.Where(e => e.Seq is not null).Select(e => e.Seq!.Value).ToList();
        Assert.Equal(seqs.OrderBy(s => s).Distinct(), seqs);
        Assert.Equal(seqs[^1], session.LastSeq);
    }

    [Fact]
    public async Task Scripted_behaviours_arrive_as_their_generated_subclasses()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        var events = await Turns.RunAsync(session, "status think tool reauth search for blue whales");

        var described = events.Select(e => e switch
        {
            ParticipantStatusEvent p => "status:" + p.Data.Status,
            ThinkingEvent t => "thinking:" + (t.Data.Summary.Length > 0),
            ToolCallEvent c => "tool_call:" + c.ToolName + ":" + c.Data.Status,
            ToolResultEvent r => "tool_result:" + r.Data.Result.GetProperty("answer").GetInt32(),
            SearchResultEvent s => "search:" + s.Data.Query + ":" + s.Data.Results.Count,
            ReauthRequestEvent a => "reauth:" + a.Data.Integration,
            _ => null,
        }).Where(d => d is not null).ToList();

        Assert.Equal(
            new[]
            {
                "status:Thinking", "thinking:True", "search:blue whales:3", "tool_call:lookup:Started", "tool_call:lookup:Completed",
                "tool_result:42", "reauth:gmail", "status:Typing", "status:Idle",
            },
            described);
        Assert.Equal(SessionMessageStatus.Complete, Assert.IsType<MessageCompleteEvent>(events[^1]).Data.Status);
    }

    [Fact]
    public async Task A_failing_turn_reports_an_error_event_and_completes_with_status_error()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        var events = await Turns.RunAsync(session, "please fail");

        var error = Assert.Single(events.OfType<ErrorEvent>());
        Assert.Equal("agent_error", error.Data.Code);
        Assert.False(error.IsClientReport); // the engine's own error
        Assert.NotNull(error.Seq);
        Assert.Equal(SessionMessageStatus.Error, Assert.IsType<MessageCompleteEvent>(events[^1]).Data.Status);
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task Quick_sends_fold_into_one_turn_and_send_many_is_one_turn()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var listening = session.ListenAsync(maxQueue: 0);

        await Task.WhenAll(session.SendAsync("one", Within.Token()), session.SendAsync("two", Within.Token()), session.SendAsync("three", Within.Token()));
        var first = await Turns.UntilCompleteAsync(listening);
        var again = session.ListenAsync(maxQueue: 0); // a listen sequence is single-use, like the Python generator
        await session.SendManyAsync(new UserSessionMessage[] { "four", "five" }, Within.Token());
        var second = await Turns.UntilCompleteAsync(again);

        Assert.Equal("listen_enumerated_twice", Assert.Throws<SessionException>(() => listening.GetAsyncEnumerator()).Code);

        Assert.Equal(3, first.OfType<MessagePostedEvent>().Count());
        Assert.Single(first.OfType<MessageCompleteEvent>());
        foreach (var word in new[] { "one", "two", "three" })
        {
            Assert.Contains(word, first.OfType<MessageCompleteEvent>().Single().Text);
        }

        Assert.Single(second.OfType<MessagesPostedEvent>());
        var reply = second.OfType<MessageCompleteEvent>().Single().Text!;
        Assert.Contains("four", reply);
        Assert.Contains("five", reply);
    }

    [Fact]
    public async Task Files_and_attachments_are_sent_as_base64_parts()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 pretend");
        var listening = session.ListenAsync(maxQueue: 0);

        await session.SendAsync(
            UserSessionMessage.FromText("see attached") with { Files = new[] { MessageFile.FromBytes(bytes, "application/pdf", "doc.pdf") } },
            Within.Token());
        await session.SendAsync(MessageFile.FromStream(new System.IO.MemoryStream(bytes), "application/pdf", "again.pdf"), Within.Token());
        await Turns.UntilCompleteAsync(listening);

        var history = await session.GetMessagesAsync(Within.Token());
        var users = history.Where(m => m.Sender.Role == SessionMessageRole.User).ToList();
        Assert.Equal(2, users.Count);
        Assert.Equal("see attached", users[0].Text);
        Assert.Equal("file", users[1].ContentType);
    }

    [Fact]
    public async Task The_typed_listener_and_the_visitor_see_the_same_kinds()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var deltas = session.ListenAsync<MessageDeltaEvent>(cancellationToken: Within.Token()).GetAsyncEnumerator();
        var all = session.ListenAsync(maxQueue: 0);

        await session.SendAsync("count 5", Within.Token());
        var events = await Turns.UntilCompleteAsync(all);
        var typed = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 5 && await deltas.MoveNextAsync(); i++)
        {
            typed.Add(deltas.Current.Data.Delta);
        }

        await deltas.DisposeAsync();
        var counter = new KindCounter();
        foreach (var evt in events)
        {
            evt.Accept(counter);
        }

        Assert.Equal(new[] { "1", " 2", " 3", " 4", " 5" }, typed);
        Assert.Equal(5, counter.Deltas);
        Assert.Equal(1, counter.Completes);
    }

    private sealed class KindCounter : ISessionEventVisitor<int>
    {
        public int Deltas { get; private set; }

        public int Completes { get; private set; }

        public int Visit(MessageDeltaEvent value) => ++Deltas;

        public int Visit(MessageCompleteEvent value) => ++Completes;

        public int Visit(MessageStreamingEvent value) => 0;

        public int Visit(ToolCallEvent value) => 0;

        public int Visit(ToolResultEvent value) => 0;

        public int Visit(ThinkingEvent value) => 0;

        public int Visit(SearchResultEvent value) => 0;

        public int Visit(ApprovalRequestEvent value) => 0;

        public int Visit(ReauthRequestEvent value) => 0;

        public int Visit(ErrorEvent value) => 0;

        public int Visit(ParticipantStatusEvent value) => 0;

        public int Visit(SessionCreatedEvent value) => 0;

        public int Visit(SessionConnectedEvent value) => 0;

        public int Visit(MessagePostedEvent value) => 0;

        public int Visit(MessagesPostedEvent value) => 0;
        public int Visit(ResponseAcceptedEvent value) => 0;

        public int Visit(PongEvent value) => 0;

        public int Visit(UnknownSessionEvent value) => 0;
    }
}
