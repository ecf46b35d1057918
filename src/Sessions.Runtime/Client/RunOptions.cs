using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>Settings of <see cref="Agent.RunAsync"/>.</summary>
public sealed class RunOptions
{
    /// <summary>Resume this session instead of creating one (it is then only disconnected afterwards).</summary>
    public string? SessionId { get; init; }

    /// <summary>Keep a new session instead of terminating it after the turn.</summary>
    public bool KeepAlive { get; init; }

    /// <summary>Include every <see cref="MessageDeltaEvent"/> in <see cref="TurnResult.Events"/>.</summary>
    public bool IncludeDeltas { get; init; }

    /// <summary>Answers approval requests during the turn; without it an approval request ends the run with <see cref="SessionActionRequiredException"/>.</summary>
    public Func<ApprovalRequestEvent, CancellationToken, ValueTask<ApprovalDecision>>? ApprovalHandler { get; init; }
}

/// <summary>An answer to an approval request.</summary>
/// <param name="Approved">Let the tool run.</param>
/// <param name="Confirm">Arguments replacing the proposed ones (approved calls only).</param>
/// <param name="DenyReason">Why it was refused.</param>
public sealed record ApprovalDecision(bool Approved, IReadOnlyDictionary<string, JsonElement>? Confirm = null, string? DenyReason = null);

/// <summary>What one turn of <see cref="Agent.RunAsync"/> produced.</summary>
/// <param name="SessionId">The session the turn ran in.</param>
/// <param name="Status">The reply's status.</param>
/// <param name="FinalMessage">The whole reply.</param>
/// <param name="Events">The turn's events in order (deltas only when asked for).</param>
public sealed record TurnResult(string SessionId, SessionMessageStatus Status, string FinalMessage, IReadOnlyList<SessionEvent> Events);
