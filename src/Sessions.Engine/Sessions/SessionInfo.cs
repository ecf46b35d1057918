using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Sessions.Engine.Sessions;

/// <summary>What a session was created with; never changes.</summary>
/// <param name="Id">The 24-hex-digit id.</param>
/// <param name="Owner">The API key that created it (compared, never logged).</param>
/// <param name="AgentId">The agent, when created for one.</param>
/// <param name="ChatbotId">The chatbot, when created for one.</param>
/// <param name="Metadata">Metadata the client attached.</param>
/// <param name="CreatedAt">When it was created.</param>
internal sealed record SessionInfo(
    string Id,
    string Owner,
    string? AgentId,
    string? ChatbotId,
    IReadOnlyDictionary<string, JsonElement>? Metadata,
    DateTimeOffset CreatedAt);
