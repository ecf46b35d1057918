using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebChat;

/// <summary>What the page receives for one session event: a small, flat shape for the browser to render.</summary>
internal sealed record ChatUpdate(string Kind, string? Text = null, string? Tool = null, string? ApprovalId = null, string? Detail = null)
{
    /// <summary>The update for an event, or null for events the page does not show (acknowledgements, pongs).</summary>
    public static ChatUpdate? From(SessionEvent evt) => evt switch
    {
        MessageDeltaEvent delta => new("delta", delta.Data.Delta),
        MessageCompleteEvent complete => new("complete", complete.Data.Text),
        ThinkingEvent thinking => new("activity", thinking.Data.Summary, Detail: "thinking"),
        ToolCallEvent call => new("activity", $"tool {call.Data.ToolName}: {call.Data.Status.ToString().ToLowerInvariant()}", call.Data.ToolName, Detail: Arguments(call.Data.Arguments)),
        ToolResultEvent result => new("tool_result", $"{result.Data.ToolName} returned {result.Data.Result.GetRawText()}", result.Data.ToolName),
        ApprovalRequestEvent approval => new("approval", approval.Data.Reason ?? $"The agent wants to run {approval.Data.ToolName}.", approval.Data.ToolName, approval.Data.ApprovalId, Arguments(approval.Data.Arguments)),
        ErrorEvent error => new("error", error.Data.Error, Detail: error.Data.Code),
        _ => null,
    };

    private static string Arguments(System.Collections.Generic.IReadOnlyDictionary<string, JsonElement> arguments)
        => "{" + string.Join(", ", System.Linq.Enumerable.Select(arguments, a => $"\"{a.Key}\": {a.Value.GetRawText()}")) + "}";
}

/// <summary>JSON for the page, generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatUpdate))]
[JsonSerializable(typeof(ChatCreated))]
[JsonSerializable(typeof(PostedMessage))]
[JsonSerializable(typeof(ApprovalAnswer))]
internal sealed partial class WebChatJson : JsonSerializerContext
{
}

/// <summary>The answer to creating a chat.</summary>
internal sealed record ChatCreated(string Id);

/// <summary>A message the page posts.</summary>
internal sealed record PostedMessage(string Text);

/// <summary>The page's answer to an approval request.</summary>
internal sealed record ApprovalAnswer(bool Approved);
