using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Engine.Agents;

/// <summary>What an <see cref="AgentTurn"/> needs from its session: to store events and to wait for approvals.</summary>
internal interface ITurnHost
{
    /// <summary>Numbers, stores and broadcasts one conversation event; throws <see cref="System.OperationCanceledException"/> once the session is gone.</summary>
    void Append(SessionEvent sessionEvent);

    /// <summary>Registers the approval, then appends its request, so that no answer can arrive before it is known.</summary>
    Task<ToolApproval> RequestApprovalAsync(ApprovalRequestEvent request, CancellationToken cancellationToken);
}
