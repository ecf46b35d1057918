using System;
using System.Collections.Generic;
using System.Text;

namespace Sessions.Engine.Sessions;

/// <summary>
/// The session's messages as <c>GET .../messages</c> returns them: a projection of the posted user messages and of the
/// conversation events, kept up to date as they are stored. Not thread-safe: the session calls it under its lock.
/// </summary>
/// <remarks>
/// A message's <c>seq</c> is the <c>seq</c> of its latest change, so <c>after_seq=N</c> returns every message that is
/// new or changed since event N: a user message has the seq it was stored with, an assistant message the seq of its
/// <c>message_streaming</c> while it streams and that of its <c>message_complete</c> once done, a tool message the seq
/// of its <c>tool_result</c>. The list stays sorted by <c>seq</c>, which is also the order things happened.
/// </remarks>
internal sealed class SessionHistory
{
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, Entry> streaming = new(StringComparer.Ordinal);
    private readonly SessionInfo session;

    public SessionHistory(SessionInfo session) => this.session = session;

    public void AddUser(string messageId, long seq, UserMessage message, DateTimeOffset at)
        => entries.Add(new Entry(new SessionMessage
        {
            Id = messageId,
            SessionId = session.Id,
            Seq = seq,
            Sender = new MessageSender { Role = SessionMessageRole.User },
            ContentType = message.ContentType == ContentType.File ? "file" : "text",
            Text = message.Text ?? message.File?.Name,
            Files = Uploads.FileReferences.Describe(message),
            Status = SessionMessageStatus.Complete,
            CreatedAt = at,
        }));

    /// <summary>Folds one stored event into the history (events that make no message are ignored).</summary>
    public void Apply(SessionEvent sessionEvent, long seq, DateTimeOffset at)
    {
        switch (sessionEvent)
        {
            case MessageStreamingEvent { MessageId: { } id }:
                var entry = new Entry(new SessionMessage
                {
                    Id = id,
                    SessionId = session.Id,
                    Seq = seq,
                    Sender = AgentSender(),
                    ContentType = "text",
                    Status = SessionMessageStatus.Streaming,
                    CreatedAt = at,
                }) { Draft = new StringBuilder() };
                streaming[id] = entry;
                entries.Add(entry);
                break;

            case MessageDeltaEvent { MessageId: { } id } delta when streaming.TryGetValue(id, out var open):
                open.Draft!.Append(delta.Data.Delta);
                break;

            case MessageCompleteEvent { MessageId: { } id } complete when streaming.Remove(id, out var open):
                // The message moves to the end: its seq is now that of message_complete, the largest so far. Searched
                // from the end, where a message that just streamed is: from the start, every turn of a long session
                // walked its whole history under the session's lock.
                entries.RemoveAt(entries.LastIndexOf(open));
                var text = complete.Data.Text.Length > 0 ? complete.Data.Text : open.Draft!.ToString();
                entries.Add(new Entry(open.Message with { Seq = seq, Text = text, Status = complete.Data.Status }));
                break;

            case ToolResultEvent result:
                entries.Add(new Entry(new SessionMessage
                {
                    Id = result.Data.ToolCallId,
                    SessionId = session.Id,
                    Seq = seq,
                    Sender = new MessageSender { Role = SessionMessageRole.Tool, ObjectId = result.Data.ToolName, ObjectType = "tool" },
                    ContentType = "tool_result",
                    Text = result.Data.Result.GetRawText(),
                    Status = SessionMessageStatus.Complete,
                    CreatedAt = at,
                }));
                break;
        }
    }

    /// <summary>The messages with <c>seq</c> greater than <paramref name="afterSeq"/>, oldest first.</summary>
    public IReadOnlyList<SessionMessage> After(long afterSeq)
    {
        var result = new List<SessionMessage>();
        foreach (var entry in entries)
        {
            if (entry.Message.Seq > afterSeq)
            {
                result.Add(entry.Draft is { } draft ? entry.Message with { Text = draft.ToString() } : entry.Message);
            }
        }

        return result;
    }

    private MessageSender AgentSender()
        => new()
        {
            Role = SessionMessageRole.Assistant,
            ObjectId = session.AgentId ?? session.ChatbotId,
            ObjectType = session.AgentId is not null ? "agent" : "chatbot",
        };

    private sealed class Entry(SessionMessage message)
    {
        public SessionMessage Message { get; } = message;

        /// <summary>The text streamed so far, while the message streams.</summary>
        public StringBuilder? Draft { get; init; }
    }
}
