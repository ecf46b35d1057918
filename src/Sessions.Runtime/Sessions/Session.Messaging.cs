using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Connection;

namespace Sessions;

/// <summary>Sending messages and answering pauses.</summary>
public sealed partial class Session
{
    /// <summary>Posts one text message and waits until the engine acknowledges it.</summary>
    /// <param name="text">The message.</param>
    /// <param name="cancellationToken">Cancels the wait (a frame already being written still completes).</param>
    /// <exception cref="SessionDisconnectedException">Not connected, or the connection dropped before the acknowledgement.</exception>
    public Task SendAsync(string text, CancellationToken cancellationToken = default)
        => SendAsync(UserSessionMessage.FromText(text), cancellationToken);

    /// <summary>Posts one file (from a path, bytes or a stream) and waits until the engine acknowledges it.</summary>
    public Task SendAsync(MessageFile file, CancellationToken cancellationToken = default)
        => SendAsync(UserSessionMessage.FromFile(file), cancellationToken);

    /// <summary>Posts one message (text or file, attachments, references) and waits until the engine acknowledges it.</summary>
    public async Task SendAsync(UserSessionMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var frame = new PostMessageFrame
        {
            RequestId = NextRequestId(),
            Data = new PostMessageFrameData { Message = await ToWireAsync(message, cancellationToken).ConfigureAwait(false) },
        };
        await _tracing.TraceSendAsync(SessionId, 1, () => RequestAsync(frame, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Posts several messages as one turn (one reply) and waits until the engine acknowledges them.</summary>
    /// <param name="messages">At least one message; strings convert to text messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task SendManyAsync(IEnumerable<UserSessionMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var wire = new List<UserMessage>();
        foreach (var message in messages)
        {
            wire.Add(await ToWireAsync(message ?? throw new ArgumentException("A message is null.", nameof(messages)), cancellationToken).ConfigureAwait(false));
        }

        if (wire.Count == 0)
        {
            throw new ArgumentException("SendManyAsync needs at least one message.", nameof(messages));
        }

        var frame = new PostMessagesFrame { RequestId = NextRequestId(), Data = new PostMessagesFrameData { Messages = wire } };
        await _tracing.TraceSendAsync(SessionId, wire.Count, () => RequestAsync(frame, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Answers a pause event (today: an <see cref="ApprovalRequestEvent"/>), resuming the paused turn.</summary>
    /// <param name="evt">The pause event from <c>ListenAsync</c>.</param>
    /// <param name="approved">True to let the tool run, false to refuse it. Required for approval requests.</param>
    /// <param name="confirm">Arguments that replace the ones the model proposed (approved calls only).</param>
    /// <param name="denyReason">Why it was refused, shown to the model so it can adapt.</param>
    /// <param name="cancellationToken">Cancels the wait to send.</param>
    /// <exception cref="ArgumentException"><paramref name="evt"/> is not a pause event, or the answer does not fit it.</exception>
    public Task RespondAsync(SessionEvent evt, bool? approved = null, IReadOnlyDictionary<string, JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt is not ApprovalRequestEvent approval)
        {
            throw new ArgumentException($"RespondAsync answers pause events (today: approval_request); a {evt.Type} event is not one.", nameof(evt));
        }

        if (approved is null)
        {
            throw new ArgumentException("An approval request needs an answer: pass approved: true or false.", nameof(approved));
        }

        return RespondApprovalAsync(approval, approved.Value, confirm, denyReason, cancellationToken);
    }

    /// <summary>Approves or refuses the tool call of an approval request; the paused turn resumes.</summary>
    /// <param name="evt">The approval request.</param>
    /// <param name="approved">True to let the tool run, false to refuse it.</param>
    /// <param name="confirm">Arguments that replace the ones the model proposed (approved calls only).</param>
    /// <param name="denyReason">Why it was refused, shown to the model.</param>
    /// <param name="cancellationToken">Cancels the wait to send.</param>
    public async Task RespondApprovalAsync(ApprovalRequestEvent evt, bool approved, IReadOnlyDictionary<string, JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (confirm is not null && !approved)
        {
            throw new ArgumentException("confirm replaces the arguments of an approved call; it makes no sense with approved: false.", nameof(confirm));
        }

        var frame = new SendResponseFrame
        {
            RequestId = NextRequestId(),
            Data = new SendResponseFrameData { ApprovalId = evt.Data.ApprovalId, Approved = approved, Confirm = confirm, DenyReason = denyReason },
        };
        await _tracing.TraceApprovalAsync(SessionId, evt, approved, async () =>
        {
            var connection = await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
            await connection.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The same as <see cref="RespondApprovalAsync(ApprovalRequestEvent, bool, IReadOnlyDictionary{string, JsonElement}?, string?, CancellationToken)"/>, insisting at run time that <paramref name="evt"/> is an approval request.</summary>
    /// <exception cref="ArgumentException"><paramref name="evt"/> is not an <see cref="ApprovalRequestEvent"/>.</exception>
    public Task RespondApprovalAsync(SessionEvent evt, bool approved, IReadOnlyDictionary<string, JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
        => evt is ApprovalRequestEvent approval
            ? RespondApprovalAsync(approval, approved, confirm, denyReason, cancellationToken)
            : throw new ArgumentException($"RespondApprovalAsync needs an approval_request event, not {evt?.Type.ToString() ?? "null"}.", nameof(evt));

    private async Task<SessionEvent> RequestAsync(ClientFrame frame, CancellationToken cancellationToken)
    {
        var connection = await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.RequestAsync(frame, _client.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The open connection; while reconnecting, waits for it (bounded by the request timeout).</summary>
    private async Task<SessionConnection> ReadyConnectionAsync(CancellationToken cancellationToken)
    {
        Task connected;
        lock (_gate)
        {
            ThrowIfEnded();
            switch (_state)
            {
                case SessionState.Connected when _connection is not null:
                    return _connection;
                case SessionState.Created or SessionState.Disconnected:
                    throw new SessionDisconnectedException("The session is not connected; call ConnectAsync first.");
            }

            connected = _connected.Task;
        }

        try
        {
            await connected.WaitAsync(_client.Options.RequestTimeout, _client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new SessionTimeoutException("The session did not reconnect in time to send.", exception);
        }

        return await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<UserMessage> ToWireAsync(UserSessionMessage message, CancellationToken cancellationToken)
    {
        var files = new List<FilePart>();
        foreach (var file in message.Files)
        {
            files.Add(await file.ToFilePartAsync(cancellationToken).ConfigureAwait(false));
        }

        return new UserMessage
        {
            ContentType = message.File is null ? ContentType.Text : ContentType.File,
            Text = message.Text,
            File = message.File is null ? null : await message.File.ToFilePartAsync(cancellationToken).ConfigureAwait(false),
            Files = files.Count == 0 ? null : files,
            References = message.References,
        };
    }
}
