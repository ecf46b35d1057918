using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine.Agents;
using Sessions.Engine.Sessions;

namespace Sessions.Engine;

/// <summary>
/// One turn handed to an <see cref="IAgent"/>: the user messages folded into it, and the methods that answer them.
/// Each method becomes one or more stored events with the next <c>seq</c>, sent to every connection attached to the
/// session and replayed to those that connect later.
/// </summary>
/// <remarks>
/// Not thread-safe: await each call before making the next. The reply (<c>message_streaming</c>,
/// <c>message_delta</c>..., <c>message_complete</c>) carries <see cref="MessageId"/>; so do the other events of the
/// turn, which lets a client group them.
/// </remarks>
public sealed class AgentTurn
{
    private readonly ITurnHost host;
    private readonly StringBuilder reply = new();
    private bool streaming;

    internal AgentTurn(ITurnHost host, SessionInfo session, string messageId, IReadOnlyList<UserMessage> messages, TimeProvider timeProvider)
    {
        this.host = host;
        SessionId = session.Id;
        AgentId = session.AgentId;
        ChatbotId = session.ChatbotId;
        MessageId = messageId;
        Messages = messages;
        Text = JoinText(messages);
        TimeProvider = timeProvider;
    }

    /// <summary>The session this turn belongs to.</summary>
    public string SessionId { get; }

    /// <summary>The agent the session was created for, if any.</summary>
    public string? AgentId { get; }

    /// <summary>The chatbot the session was created for, if any.</summary>
    public string? ChatbotId { get; }

    /// <summary>The id of the assistant message this turn produces.</summary>
    public string MessageId { get; }

    /// <summary>The user messages of this turn, in the order they were posted (one or more).</summary>
    public IReadOnlyList<UserMessage> Messages { get; }

    /// <summary>The text of <see cref="Messages"/>, one line each; a file stands as <c>[file: name]</c>.</summary>
    public string Text { get; }

    /// <summary>The engine's clock; use it for delays so tests can control time.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>True once the reply is complete (<c>message_complete</c> was sent); the turn can emit nothing more.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The reply streamed so far (the joined deltas).</summary>
    public string ReplySoFar => reply.ToString();

    /// <summary>Streams a chunk of the reply (<c>message_delta</c>); the first one is preceded by <c>message_streaming</c>.</summary>
    /// <param name="delta">The chunk.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask DeltaAsync(string delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delta);
        StartReply(cancellationToken);
        reply.Append(delta);
        Emit(new MessageDeltaEvent { SessionId = SessionId, MessageId = MessageId, Data = new MessageDeltaEventData { Delta = delta } });
        return ValueTask.CompletedTask;
    }

    /// <summary>Completes the reply (<c>message_complete</c>, status <c>complete</c>). A turn has exactly one.</summary>
    /// <param name="text">The whole reply; <see langword="null"/> uses the joined deltas.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask CompleteAsync(string? text = null, CancellationToken cancellationToken = default)
    {
        Finish(text ?? reply.ToString(), SessionMessageStatus.Complete, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Fails the turn: an <c>error</c> event, then <c>message_complete</c> with status <c>error</c> and the text streamed so far.
    /// </summary>
    /// <param name="error">What went wrong, for people.</param>
    /// <param name="code">What went wrong, for programs.</param>
    /// <param name="retryable">True when posting the same turn again may succeed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the events are stored.</returns>
    public ValueTask FailAsync(string error, string code = EngineErrorCodes.AgentError, bool retryable = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(code);
        ThrowIfComplete(cancellationToken);
        Emit(new ErrorEvent { SessionId = SessionId, MessageId = MessageId, Data = new ErrorEventData { Error = error, Code = code, Retryable = retryable } });
        Finish(reply.ToString(), SessionMessageStatus.Error, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <summary>Shares a summary of the agent's reasoning (<c>thinking</c>).</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask ThinkingAsync(string summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ThrowIfComplete(cancellationToken);
        Emit(new ThinkingEvent { SessionId = SessionId, MessageId = MessageId, Data = new ThinkingEventData { Summary = summary } });
        return ValueTask.CompletedTask;
    }

    /// <summary>Reports what the agent is doing (<c>participant_status</c>); the participant is the agent or chatbot id.</summary>
    /// <param name="status">The new state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask StatusAsync(ParticipantState status, CancellationToken cancellationToken = default)
    {
        ThrowIfComplete(cancellationToken);
        Emit(new ParticipantStatusEvent
        {
            SessionId = SessionId,
            MessageId = MessageId,
            Data = new ParticipantStatusEventData { ParticipantId = AgentId ?? ChatbotId ?? "agent", Status = status },
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts a tool call (<c>tool_call</c>, status <c>started</c>).</summary>
    /// <param name="toolName">Name of the tool.</param>
    /// <param name="arguments">Arguments it runs with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call, to pass to <see cref="CompleteToolCallAsync"/> or <see cref="FailToolCallAsync"/>.</returns>
    public ValueTask<ToolCall> StartToolCallAsync(string toolName, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(arguments);
        ThrowIfComplete(cancellationToken);
        var call = new ToolCall(EngineIds.NewToolCallId(), toolName, arguments);
        EmitToolCall(call, ToolCallStatus.Started);
        return ValueTask.FromResult(call);
    }

    /// <summary>Finishes a tool call: <c>tool_call</c> with status <c>completed</c>, then its <c>tool_result</c>.</summary>
    /// <param name="call">The call.</param>
    /// <param name="result">What the tool returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the events are stored.</returns>
    public ValueTask CompleteToolCallAsync(ToolCall call, JsonElement result, CancellationToken cancellationToken = default)
        => EndToolCall(call, ToolCallStatus.Completed, result, cancellationToken);

    /// <summary>Fails a tool call: <c>tool_call</c> with status <c>failed</c>, then a <c>tool_result</c> holding the error.</summary>
    /// <param name="call">The call.</param>
    /// <param name="result">What to report as its result, for instance <c>{"error": "..."}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the events are stored.</returns>
    public ValueTask FailToolCallAsync(ToolCall call, JsonElement result, CancellationToken cancellationToken = default)
        => EndToolCall(call, ToolCallStatus.Failed, result, cancellationToken);

    /// <summary>Reports the results of a search the agent ran (<c>search_result</c>).</summary>
    /// <param name="query">The query.</param>
    /// <param name="results">The hits, in order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask SearchResultsAsync(string query, IReadOnlyList<SearchResultItem> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(results);
        ThrowIfComplete(cancellationToken);
        Emit(new SearchResultEvent { SessionId = SessionId, MessageId = MessageId, Data = new SearchResultEventData { Query = query, Results = results } });
        return ValueTask.CompletedTask;
    }

    /// <summary>Asks the user to authorise an integration again (<c>reauth_request</c>). The turn does not wait for it.</summary>
    /// <param name="integration">The integration, for example <c>gmail</c>.</param>
    /// <param name="authUrl">Where the user can do it, if known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask RequestReauthAsync(string integration, Uri? authUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(integration);
        ThrowIfComplete(cancellationToken);
        Emit(new ReauthRequestEvent { SessionId = SessionId, MessageId = MessageId, Data = new ReauthRequestEventData { Integration = integration, AuthUrl = authUrl } });
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Asks the client to approve a tool call (<c>approval_request</c>) and waits for its <c>send_response</c>, however long
    /// that takes and across reconnects; the id stays in <c>session_connected.pending_approvals</c> until answered.
    /// </summary>
    /// <param name="toolName">Name of the tool.</param>
    /// <param name="toolId">Id of the tool as configured on the agent.</param>
    /// <param name="arguments">The arguments the agent proposes.</param>
    /// <param name="reason">Why approval is needed, if the agent says.</param>
    /// <param name="cancellationToken">Cancels the wait (the session's turn token is the usual choice).</param>
    /// <returns>The client's decision.</returns>
    public Task<ToolApproval> RequestApprovalAsync(
        string toolName,
        string toolId,
        IReadOnlyDictionary<string, JsonElement> arguments,
        string? reason = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(toolId);
        ArgumentNullException.ThrowIfNull(arguments);
        ThrowIfComplete(cancellationToken);
        var request = new ApprovalRequestEvent
        {
            SessionId = SessionId,
            MessageId = MessageId,
            Data = new ApprovalRequestEventData { ApprovalId = EngineIds.NewApprovalId(), ToolName = toolName, ToolId = toolId, Arguments = arguments, Reason = reason },
        };
        return host.RequestApprovalAsync(request, cancellationToken);
    }

    /// <summary>
    /// Sends any event as part of the conversation: the engine sets its <c>session_id</c> and <c>seq</c>, and its
    /// <c>message_id</c> when it has none. Prefer the typed methods; this is for kinds they do not cover.
    /// </summary>
    /// <param name="sessionEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public ValueTask EmitAsync(SessionEvent sessionEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        if (sessionEvent is MessageCompleteEvent or MessageStreamingEvent or MessageDeltaEvent)
        {
            throw new ArgumentException("Stream the reply with DeltaAsync and CompleteAsync, which keep its events in order.", nameof(sessionEvent));
        }

        if (sessionEvent is UnknownSessionEvent)
        {
            // Its converter writes the received JSON back verbatim, so it could not carry this session's id and seq.
            throw new ArgumentException("An UnknownSessionEvent is written exactly as it was received, so the engine cannot number it; add its kind to the schema.", nameof(sessionEvent));
        }

        ThrowIfComplete(cancellationToken);
        Emit(sessionEvent with { SessionId = SessionId, MessageId = sessionEvent.MessageId ?? MessageId });
        return ValueTask.CompletedTask;
    }

    /// <summary>Called by the engine when the agent returned: completes a reply the agent left open.</summary>
    internal void CompleteIfOpen()
    {
        if (!IsComplete)
        {
            Finish(reply.ToString(), SessionMessageStatus.Complete, CancellationToken.None);
        }
    }

    /// <summary>Called by the engine when the agent threw: reports it and ends the reply with status error.</summary>
    internal void FailIfOpen(string error)
    {
        if (!IsComplete)
        {
            Emit(new ErrorEvent { SessionId = SessionId, MessageId = MessageId, Data = new ErrorEventData { Error = error, Code = ErrorCodes.WireName(ErrorCode.AgentFailed), Retryable = false } });
            Finish(reply.ToString(), SessionMessageStatus.Error, CancellationToken.None);
        }
    }

    private ValueTask EndToolCall(ToolCall call, ToolCallStatus status, JsonElement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ThrowIfComplete(cancellationToken);
        EmitToolCall(call, status);
        Emit(new ToolResultEvent
        {
            SessionId = SessionId,
            MessageId = MessageId,
            Data = new ToolResultEventData { ToolCallId = call.Id, ToolName = call.ToolName, Result = result },
        });
        return ValueTask.CompletedTask;
    }

    private void EmitToolCall(ToolCall call, ToolCallStatus status)
        => Emit(new ToolCallEvent
        {
            SessionId = SessionId,
            MessageId = MessageId,
            Data = new ToolCallEventData { ToolCallId = call.Id, ToolName = call.ToolName, Arguments = call.Arguments, Status = status },
        });

    private void StartReply(CancellationToken cancellationToken)
    {
        ThrowIfComplete(cancellationToken);
        if (!streaming)
        {
            // Every reply opens with message_streaming, so a client can create the message before any delta.
            streaming = true;
            Emit(new MessageStreamingEvent { SessionId = SessionId, MessageId = MessageId, Data = new MessageStreamingEventData { Status = SessionMessageStatus.Streaming } });
        }
    }

    private void Finish(string text, SessionMessageStatus status, CancellationToken cancellationToken)
    {
        StartReply(cancellationToken);
        Emit(new MessageCompleteEvent { SessionId = SessionId, MessageId = MessageId, Data = new MessageCompleteEventData { Text = text, Status = status } });
        IsComplete = true;
    }

    private void ThrowIfComplete(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsComplete)
        {
            throw new InvalidOperationException("The reply of this turn is complete; a turn ends with exactly one message_complete.");
        }
    }

    private void Emit(SessionEvent sessionEvent) => host.Append(sessionEvent);

    private static string JoinText(IReadOnlyList<UserMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(message.Text ?? (message.File is { } file ? "[file: " + file.Name + "]" : string.Empty));
        }

        return text.ToString();
    }
}
