using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Engine;

/// <summary>
/// Answers the turns of a session: the part of the engine a user replaces, for instance with an agent that calls a
/// real model. The engine folds the posts of a turn, hands them over in an <see cref="AgentTurn"/>, and turns what the
/// agent does with it (deltas, tool calls, approvals...) into stored, numbered events.
/// </summary>
/// <remarks>
/// One call per turn; turns of one session never overlap, turns of different sessions run concurrently. A turn does
/// not depend on any socket: it runs on while clients come and go. When <see cref="RunTurnAsync"/> returns without
/// completing the reply, the engine completes it with the text streamed so far; when it throws, the engine reports an
/// <c>error</c> event (code <see cref="ErrorCode.AgentFailed"/>) and completes the reply with status <c>error</c>.
/// </remarks>
public interface IAgent
{
    /// <summary>Runs one turn.</summary>
    /// <param name="turn">The folded user messages and the means to answer them.</param>
    /// <param name="cancellationToken">Cancelled when the session is terminated or the engine stops.</param>
    /// <returns>A task that completes when the turn is over.</returns>
    Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken);
}
