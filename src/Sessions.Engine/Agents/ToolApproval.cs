using System.Collections.Generic;
using System.Text.Json;

namespace Sessions.Engine;

/// <summary>How a client answered an <c>approval_request</c> (its <c>send_response</c> frame). Named apart from the client's <c>Sessions.ApprovalDecision</c>, so that both namespaces can be imported together.</summary>
public sealed record ToolApproval
{
    /// <summary>The approval this answers.</summary>
    public required string ApprovalId { get; init; }

    /// <summary>True when the tool may run.</summary>
    public required bool Approved { get; init; }

    /// <summary>The arguments the agent proposed in its request.</summary>
    public required IReadOnlyDictionary<string, JsonElement> ProposedArguments { get; init; }

    /// <summary>Arguments the client sent to replace the proposed ones (approved calls only), if any.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Confirm { get; init; }

    /// <summary>Why the client denied the call, if it said.</summary>
    public string? DenyReason { get; init; }

    /// <summary>The arguments the tool should run with: <see cref="Confirm"/> when the client sent it, else the proposed ones.</summary>
    public IReadOnlyDictionary<string, JsonElement> Arguments => Approved && Confirm is not null ? Confirm : ProposedArguments;
}
