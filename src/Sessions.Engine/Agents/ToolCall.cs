using System.Collections.Generic;
using System.Text.Json;

namespace Sessions.Engine;

/// <summary>A tool call an agent started with <see cref="AgentTurn.StartToolCallAsync"/>.</summary>
/// <param name="Id">The <c>tool_call_id</c> its <c>tool_call</c> and <c>tool_result</c> events carry.</param>
/// <param name="ToolName">Name of the tool.</param>
/// <param name="Arguments">Arguments the tool runs with.</param>
public sealed record ToolCall(string Id, string ToolName, IReadOnlyDictionary<string, JsonElement> Arguments);
