namespace Sessions;

/// <summary>Answering an approval found in the history.</summary>
public sealed partial record PendingApproval
{
    /// <summary>
    /// The <see cref="ApprovalRequestEvent"/> this entry stands for, to pass to <c>Session.RespondApprovalAsync</c> when
    /// a client that restarted finds the approval in <c>Session.GetPendingApprovalsAsync</c> rather than in its listener.
    /// </summary>
    /// <param name="sessionId">The session the approval belongs to.</param>
    /// <returns>The request, with the <c>seq</c> and <c>message_id</c> it was stored with.</returns>
    public ApprovalRequestEvent ToApprovalRequest(string sessionId) => new()
    {
        SessionId = sessionId,
        Seq = Seq,
        MessageId = MessageId,
        Data = new ApprovalRequestEventData { ApprovalId = ApprovalId, ToolName = ToolName, ToolId = ToolId, Arguments = Arguments },
    };
}
