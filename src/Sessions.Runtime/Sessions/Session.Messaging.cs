using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>Sending messages and answering pauses.</summary>
public partial class Session
{
    /// <summary>Posts one file (from a path, bytes or a stream) and waits until the engine acknowledges it.</summary>
    /// <param name="file">The file.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual Task SendAsync(MessageFile file, CancellationToken cancellationToken = default)
        => SendAsync(UserSessionMessage.FromFile(file), cancellationToken);

    /// <summary>Posts one message and waits until the engine acknowledges it (<c>message_posted</c>).</summary>
    /// <param name="message">The message: a string converts to a text message; or text or a file, with attachments and references.</param>
    /// <param name="cancellationToken">Cancels the wait (a frame already being written still completes).</param>
    /// <exception cref="SessionDisconnectedException">Not connected, or the connection dropped before the acknowledgement.</exception>
    public virtual async Task SendAsync(UserSessionMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var frame = new PostMessageFrame
        {
            RequestId = Core.NextRequestId(),
            Data = new PostMessageFrameData { Message = await ToWireAsync(message, cancellationToken).ConfigureAwait(false) },
        };
        await Core.RequestAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts several messages as one turn (one reply) and waits until the engine acknowledges them.</summary>
    /// <param name="messages">At least one message; strings convert to text messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual async Task SendManyAsync(IEnumerable<UserSessionMessage> messages, CancellationToken cancellationToken = default)
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

        var frame = new PostMessagesFrame { RequestId = Core.NextRequestId(), Data = new PostMessagesFrameData { Messages = wire } };
        await Core.RequestAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers a pause event (today: an <see cref="ApprovalRequestEvent"/>), resuming the paused turn.</summary>
    /// <param name="evt">The pause event from <c>ListenAsync</c>.</param>
    /// <param name="approved">True to let the tool run, false to refuse it. Required for approval requests.</param>
    /// <param name="confirm">Arguments that replace the ones the model proposed (approved calls only).</param>
    /// <param name="denyReason">Why it was refused, shown to the model so it can adapt.</param>
    /// <param name="cancellationToken">Cancels the wait for the engine's acknowledgement.</param>
    /// <exception cref="ArgumentException"><paramref name="evt"/> is not a pause event, or the answer does not fit it.</exception>
    /// <exception cref="ApprovalAnswerException">The engine refused the answer (another one was taken, or no such approval is pending).</exception>
    public virtual Task RespondAsync(SessionEvent evt, bool? approved = null, IReadOnlyDictionary<string, JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
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

    /// <summary>
    /// Approves or refuses the tool call of an approval request and waits until the engine has taken the answer
    /// (<c>response_accepted</c>); the paused turn resumes. If the connection drops first, the answer is sent again
    /// after the resume while the engine still waits for it, so it is applied exactly once.
    /// </summary>
    /// <param name="evt">The approval request.</param>
    /// <param name="approved">True to let the tool run, false to refuse it.</param>
    /// <param name="confirm">Arguments that replace the ones the model proposed (approved calls only).</param>
    /// <param name="denyReason">Why it was refused, shown to the model.</param>
    /// <param name="cancellationToken">Cancels the wait for the engine's acknowledgement.</param>
    /// <exception cref="ApprovalAnswerException">The engine refused the answer (another one was taken, or no such approval is pending).</exception>
    /// <exception cref="SessionTimeoutException">No acknowledgement within <see cref="SessionClientOptions.RequestTimeout"/>.</exception>
    public virtual async Task RespondApprovalAsync(ApprovalRequestEvent evt, bool approved, IReadOnlyDictionary<string, JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (confirm is not null && !approved)
        {
            throw new ArgumentException("confirm replaces the arguments of an approved call; it makes no sense with approved: false.", nameof(confirm));
        }

        var frame = new SendResponseFrame
        {
            RequestId = Core.NextRequestId(),
            Data = new SendResponseFrameData { ApprovalId = evt.Data.ApprovalId, Approved = approved, Confirm = confirm, DenyReason = denyReason },
        };
        await Core.RespondAsync(frame, cancellationToken).ConfigureAwait(false);
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
