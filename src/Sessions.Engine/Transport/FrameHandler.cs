using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Sessions.Framing;
using Sessions.Engine.Diagnostics;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Transport;

/// <summary>
/// What the engine does with each client frame of one connection. Runs on the connection's receive loop, one frame at
/// a time, and never waits: answers are queued on the writer, turns are queued on the session.
/// </summary>
/// <remarks>
/// A visitor, so that a frame kind added to the schema fails the build here until it is handled. Each visit returns
/// true when the frame was accepted and false when it was refused with an <c>error</c>.
/// </remarks>
internal sealed class FrameHandler : IClientFrameVisitor<bool>
{
    private readonly SessionStore store;
    private readonly ConnectionWriter writer;
    private readonly string owner;
    private readonly ILogger logger;
    private readonly string connectionId;

    private readonly Uploads.FileStore files;

    public FrameHandler(SessionStore store, ConnectionWriter writer, string owner, ILogger logger, string connectionId, Uploads.FileStore files)
    {
        this.files = files;
        this.store = store;
        this.writer = writer;
        this.owner = owner;
        this.logger = logger;
        this.connectionId = connectionId;
    }

    /// <summary>The session this connection is attached to, if any.</summary>
    public EngineSession? Attached { get; private set; }

    /// <summary>Handles one whole message from the client.</summary>
    public bool Handle(ReceivedFrame frame)
    {
        if (frame.Kind == ReceivedFrameKind.Binary)
        {
            return Reject(ErrorCode.InvalidFrame, "Binary frames are not part of the protocol; send each frame as one UTF-8 text frame holding a JSON object.", null);
        }

        var parsed = ClientFrameParser.Parse(frame.Utf8.Span, out var rejection);
        if (parsed is null)
        {
            return Reject(rejection.Code, rejection.Message, rejection.RequestId);
        }

        using var activity = EngineTelemetry.StartFrame(parsed, Attached?.Id); // continues the client's trace (traceparent)
        return parsed.Accept(this);
    }

    /// <inheritdoc/>
    public bool Visit(CreateSessionFrame value)
    {
        if (RefuseIfAttached(value.RequestId))
        {
            return false;
        }

        if ((value.Data.AgentId is null) == (value.Data.ChatbotId is null))
        {
            return Reject(ErrorCode.InvalidFrame, "create_session needs exactly one of data.agent_id and data.chatbot_id.", value.RequestId);
        }

        var session = store.Create(owner, value.Data.AgentId, value.Data.ChatbotId, value.Data.Metadata);
        writer.SessionId = session.Id;
        session.AttachCreator(writer, value.RequestId);
        Attached = session;
        return true;
    }

    /// <inheritdoc/>
    public bool Visit(ConnectSessionFrame value)
    {
        var sessionId = value.Data.SessionId;
        if (RefuseIfAttached(value.RequestId))
        {
            return false;
        }

        if (value.Data.LastSeq is < 0)
        {
            return Reject(ErrorCode.InvalidFrame, "data.last_seq cannot be negative; omit it to replay every stored event.", value.RequestId);
        }

        switch (store.Find(sessionId, owner, out var session))
        {
            case SessionLookup.NotFound:
                return Reject(ErrorCode.NotFound, "No session with the id \"" + sessionId + "\" exists for this API key.", value.RequestId, sessionId);

            case SessionLookup.Terminated:
                return RejectTerminated(sessionId, value.RequestId);
        }

        // Set before attaching, so faults armed for the session apply from session_connected on.
        writer.SessionId = sessionId;
        if (!session!.AttachResuming(writer, value.RequestId, value.Data.LastSeq ?? 0))
        {
            writer.SessionId = null;
            return RejectTerminated(sessionId, value.RequestId);
        }

        Attached = session;
        Log.SessionResumed(logger, connectionId, sessionId, value.Data.LastSeq ?? 0);
        return true;
    }

    /// <inheritdoc/>
    public bool Visit(PostMessageFrame value) => Post([value.Data.Message], value.RequestId, single: true);

    /// <inheritdoc/>
    public bool Visit(PostMessagesFrame value)
        => value.Data.Messages.Count == 0
            ? Reject(ErrorCode.InvalidFrame, "post_messages needs at least one message in data.messages.", value.RequestId)
            : Post(value.Data.Messages, value.RequestId, single: false);

    /// <inheritdoc/>
    public bool Visit(SendResponseFrame value)
    {
        if (RequireAttached(value.RequestId) is not { } session)
        {
            return false;
        }

        var approvalId = value.Data.ApprovalId;
        switch (session.Answer(value.Data, repeated => Accepted(session, value, repeated)))
        {
            case ApprovalAnswer.Resolved or ApprovalAnswer.Repeated:
                return true;
            case ApprovalAnswer.AlreadyAnswered:
                return Reject(ErrorCode.ApprovalAlreadyAnswered, "Approval \"" + approvalId + "\" was already answered with the other decision; an approval is applied once.", value.RequestId);
            default:
                return Reject(ErrorCode.UnknownApproval, "No pending approval has the id \"" + approvalId + "\" in this session.", value.RequestId);
        }
    }

    /// <summary>Acknowledges an answer the engine took (or already had): a direct answer, not stored, no seq.</summary>
    private void Accepted(EngineSession session, SendResponseFrame frame, bool repeated)
    {
        Send(new ResponseAcceptedEvent
        {
            SessionId = session.Id,
            RequestId = frame.RequestId,
            Data = new ResponseAcceptedEventData { ApprovalId = frame.Data.ApprovalId, Approved = frame.Data.Approved, Repeated = repeated },
        });
    }

    /// <inheritdoc/>
    public bool Visit(TerminateSessionFrame value)
    {
        if (RequireAttached(value.RequestId) is not { } session)
        {
            return false;
        }

        // The session tells every attached connection, this one included, to close with 4001.
        store.Terminate(session);
        files.RemoveSession(session.Id);
        Attached = null;
        return true;
    }

    /// <inheritdoc/>
    public bool Visit(PingFrame value)
    {
        Send(new PongEvent { SessionId = Attached?.Id ?? string.Empty, RequestId = value.RequestId });
        return true;
    }

    /// <inheritdoc/>
    public bool Visit(UnknownClientFrame value)
        => Reject(ErrorCode.UnknownType, "Unknown frame type \"" + value.TypeName + "\".", value.RequestId);

    private bool Post(IReadOnlyList<UserMessage> messages, string requestId, bool single)
    {
        if (RequireAttached(requestId) is not { } session)
        {
            return false;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (Invalid(messages[i]) is { } problem)
            {
                var where = single ? "data.message" : "data.messages[" + i + "]";
                return Reject(ErrorCode.InvalidFrame, where + ": " + problem, requestId);
            }
        }

        // Files by id (and inline ones) are checked against the session's files and the limits before anything is stored.
        messages = Uploads.FileReferences.Resolve(files, session.Id, messages, single, out var refusal);
        if (refusal is { } refused)
        {
            return Reject(refused.Code, refused.Message, requestId);
        }

        IReadOnlyList<string> ids;
        try
        {
            ids = session.StoreUserMessages(messages);
        }
        catch (OperationCanceledException)
        {
            return RejectTerminated(session.Id, requestId);
        }

        // The acknowledgement is queued before the turn is: it must precede every event of that turn.
        Send(single
            ? new MessagePostedEvent { SessionId = session.Id, MessageId = ids[0], RequestId = requestId, Data = new MessagePostedEventData { MessageId = ids[0] } }
            : new MessagesPostedEvent { SessionId = session.Id, RequestId = requestId, Data = new MessagesPostedEventData { MessageIds = ids } });
        store.QueueTurn(session, messages);
        return true;
    }

    private static string? Invalid(UserMessage message)
    {
        switch (message.ContentType)
        {
            case ContentType.Text when message.Text is null:
                return "a text message needs \"text\".";
            case ContentType.File when message.File is null:
                return "a file message needs \"file\" ({name, mime_type, data_base64 or file_id}).";
            case ContentType.Unknown:
                return "content_type must be \"text\" or \"file\".";
        }

        // base64, file ids and sizes: Uploads.FileReferences.
        return null;
    }

    private EngineSession? RequireAttached(string requestId)
    {
        if (Attached is null)
        {
            Reject(ErrorCode.NotAttached, "Send create_session or connect_session first: this connection is not attached to a session.", requestId);
        }

        return Attached;
    }

    private bool RefuseIfAttached(string requestId)
    {
        if (Attached is not { } session)
        {
            return false;
        }

        Reject(ErrorCode.AlreadyAttached, "This connection is already attached to session \"" + session.Id + "\"; open another connection for another session.", requestId);
        return true;
    }

    private bool RejectTerminated(string sessionId, string requestId)
        => Reject(ErrorCode.SessionTerminated, "Session \"" + sessionId + "\" was terminated; it cannot be resumed. Create a new session.", requestId, sessionId);

    /// <summary>Queues an <c>error</c> answer (transient: no seq, not stored). Always returns false, the value of a refused frame.</summary>
    private bool Reject(ErrorCode code, string message, string? requestId, string? sessionId = null)
    {
        var wireCode = ErrorCodes.WireName(code);
        Log.FrameRejected(logger, connectionId, wireCode);
        Send(new ErrorEvent
        {
            SessionId = sessionId ?? Attached?.Id ?? string.Empty,
            RequestId = requestId,
            Data = new ErrorEventData { Error = message, Code = wireCode, Retryable = false },
        });
        return false;
    }

    private void Send(SessionEvent answer) => writer.Send(EventSerializer.Serialize(answer));
}
