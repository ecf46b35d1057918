using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>Reading the stored history.</summary>
public partial class Session
{
    /// <summary>The session's stored messages, oldest first, each with its whole JSON in <see cref="SessionMessage.Raw"/>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="SessionNotFoundException">The session does not exist (404).</exception>
    public virtual Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(CancellationToken cancellationToken = default)
        => Client.History.GetMessagesAsync(RequireId(), null, cancellationToken);

    /// <summary>The stored messages after <paramref name="afterSeq"/>, oldest first.</summary>
    /// <param name="afterSeq">Only messages whose seq is greater.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual Task<IReadOnlyList<SessionMessage>> GetMessagesAsync(long afterSeq, CancellationToken cancellationToken = default)
        => Client.History.GetMessagesAsync(RequireId(), afterSeq, cancellationToken);

    /// <summary>The approval requests still waiting for an answer, oldest first: a client that restarted answers them with <see cref="PendingApproval.ToApprovalRequest"/> and <c>RespondApprovalAsync</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual Task<IReadOnlyList<PendingApproval>> GetPendingApprovalsAsync(CancellationToken cancellationToken = default)
        => Client.History.GetPendingApprovalsAsync(RequireId(), cancellationToken);

    private string RequireId() => SessionId ?? throw new SessionDisconnectedException("The session has no id yet: connect it first.");
}
