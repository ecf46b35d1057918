using System;
using System.Linq;
using System.Text.Json;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Tests;

/// <summary>The history projection on its own: what a completed message becomes and where it goes.</summary>
public sealed class SessionHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_completed_message_moves_past_what_was_stored_while_it_streamed_and_the_others_keep_their_order()
    {
        var history = new SessionHistory(new SessionInfo("ses_1", "owner", "agent-1", null, null, At));
        var seq = 0L;
        for (var turn = 0; turn < 50; turn++)
        {
            history.AddUser("msg_user_" + turn, ++seq, new UserMessage { ContentType = ContentType.Text, Text = "hi " + turn }, At);
            Stream(history, "msg_reply_" + turn, ref seq, "reply " + turn);
        }

        // A reply that streams while a tool result and an earlier reply are stored: it ends up last, with the seq and
        // text of its message_complete, and nothing else moves.
        history.Apply(new MessageStreamingEvent { SessionId = "ses_1", MessageId = "msg_slow", Data = new MessageStreamingEventData { Status = SessionMessageStatus.Streaming } }, ++seq, At);
        history.Apply(new MessageDeltaEvent { SessionId = "ses_1", MessageId = "msg_slow", Data = new MessageDeltaEventData { Delta = "slow" } }, ++seq, At);
        history.Apply(new ToolResultEvent { SessionId = "ses_1", Data = new ToolResultEventData { ToolCallId = "call_1", ToolName = "lookup", Result = JsonDocument.Parse("{\"answer\":42}").RootElement } }, ++seq, At);
        Stream(history, "msg_quick", ref seq, "quick");
        history.Apply(new MessageCompleteEvent { SessionId = "ses_1", MessageId = "msg_slow", Data = new MessageCompleteEventData { Text = string.Empty, Status = SessionMessageStatus.Complete } }, ++seq, At);

        var messages = history.After(0);
        Assert.Equal(103, messages.Count);
        Assert.Equal(new[] { "call_1", "msg_quick", "msg_slow" }, messages.TakeLast(3).Select(m => m.Id));
        Assert.Equal("slow", messages[^1].Text);
        Assert.Equal(seq, messages[^1].Seq);
        Assert.Equal(SessionMessageStatus.Complete, messages[^1].Status);
        Assert.Equal("reply 49", messages.Single(m => m.Id == "msg_reply_49").Text);
        var seqs = messages.Select(m => m.Seq).ToArray();
        Assert.Equal(seqs.Order(), seqs);
    }

    private static void Stream(SessionHistory history, string messageId, ref long seq, string text)
    {
        history.Apply(new MessageStreamingEvent { SessionId = "ses_1", MessageId = messageId, Data = new MessageStreamingEventData { Status = SessionMessageStatus.Streaming } }, ++seq, At);
        history.Apply(new MessageDeltaEvent { SessionId = "ses_1", MessageId = messageId, Data = new MessageDeltaEventData { Delta = text } }, ++seq, At);
        history.Apply(new MessageCompleteEvent { SessionId = "ses_1", MessageId = messageId, Data = new MessageCompleteEventData { Text = string.Empty, Status = SessionMessageStatus.Complete } }, ++seq, At);
    }
}
