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
    /// <summary>Posts one message (text or file, attachments, references) and waits until the engine acknowledges it.</summary>
    /// <param name="message">The message; a string converts to a text message, a <see cref="MessageFile"/> to a file message.</param>
    /// <param name="cancellationToken">Cancels the wait; with a file, stops its upload and nothing is posted.</param>
    /// <exception cref="SessionFileException">A file is too large, empty or unreadable, or its upload was cut off; nothing was posted.</exception>
    public virtual Task SendAsync(UserSessionMessage message, CancellationToken cancellationToken = default)
        => SendCoreAsync(message, progress: null, cancellationToken);

    /// <summary>Posts several messages as one turn (one reply) and waits until the engine acknowledges them.</summary>
    /// <param name="messages">At least one message; strings convert to text messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual Task SendManyAsync(IEnumerable<UserSessionMessage> messages, CancellationToken cancellationToken = default)
        => SendManyCoreAsync(messages, progress: null, cancellationToken);

    /// <summary>Answers a pause event (today: an <see cref="ApprovalRequestEvent"/>), resuming the paused turn.</summary>
    /// <param name="evt">The pause event from <c>ListenAsync</c>.</param>
    /// <param name="approved">True to let the tool run, false to refuse it.</param>
    /// <param name="confirm">Arguments that replace the ones the model proposed (approved calls only).</param>
    /// <param name="denyReason">Why it was refused, shown to the model so it can adapt.</param>
    /// <param name="cancellationToken">Cancels the wait for the engine's acknowledgement.</param>
    /// <exception cref="ArgumentException"><paramref name="evt"/> is not a pause event, or the answer does not fit it.</exception>
    /// <exception cref="ApprovalAnswerException">The engine refused the answer (another one was taken, or no such approval is pending).</exception>
    public virtual Task RespondAsync(SessionEvent evt, bool approved, IReadOnlyDictionary<string, JsonElement>? confirm = null, string? denyReason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt is not ApprovalRequestEvent approval)
        {
            throw new ArgumentException($"RespondAsync answers pause events (today: approval_request); a {evt.Type} event is not one.", nameof(evt));
        }

        return RespondApprovalAsync(approval, approved, confirm, denyReason, cancellationToken);
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
        await Core.Tracing.TraceApprovalAsync(SessionId, evt, approved, () => Core.RespondAsync(frame, cancellationToken)).ConfigureAwait(false);
    }
}
