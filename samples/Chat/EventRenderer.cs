using System.Text.Json;
using Sessions;

namespace Chat;

/// <summary>What the chat loop does after an event.</summary>
internal enum Step
{
    /// <summary>Keep reading events.</summary>
    Continue,

    /// <summary>The agent waits for a yes or no (the event is an <see cref="ApprovalRequestEvent"/>).</summary>
    AskApproval,

    /// <summary>The reply is complete: read the user's next line.</summary>
    TurnOver,
}

/// <summary>
/// Renders every kind of event, through the visitor the generator writes from the schema: a kind added
/// to the schema adds a <c>Visit</c> overload to <see cref="ISessionEventVisitor{TResult}"/>, and this class
/// stops compiling until it handles it.
/// </summary>
internal sealed class EventRenderer(Screen screen) : ISessionEventVisitor<Step>
{
    public Step Visit(MessageStreamingEvent value)
    {
        screen.Line();
        screen.Write("agent> ");
        return Step.Continue;
    }

    public Step Visit(MessageDeltaEvent value)
    {
        screen.Write(value.Data.Delta);
        return Step.Continue;
    }

    public Step Visit(MessageCompleteEvent value)
    {
        screen.Line();
        if (value.Data.Status != SessionMessageStatus.Complete)
        {
            screen.Line($"  (reply ended: {value.Data.Status})");
        }

        return Step.TurnOver;
    }

    public Step Visit(ThinkingEvent value) => Note($"thinking: {value.Data.Summary}");

    public Step Visit(ToolCallEvent value) => Note($"tool {value.Data.ToolName} {Json(value.Data.Arguments)}: {value.Data.Status}");

    public Step Visit(ToolResultEvent value) => Note($"tool {value.Data.ToolName} returned {value.Data.Result.GetRawText()}");

    public Step Visit(SearchResultEvent value)
    {
        Note($"searched \"{value.Data.Query}\": {value.Data.Results.Count} results");
        foreach (var result in value.Data.Results)
        {
            screen.Line($"    - {result.Title} <{result.Url}>");
        }

        return Step.Continue;
    }

    public Step Visit(ApprovalRequestEvent value)
    {
        Note($"the agent asks to run {value.Data.ToolName} {Json(value.Data.Arguments)}{(value.Data.Reason is { } reason ? " (" + reason + ")" : "")}");
        return Step.AskApproval;
    }

    public Step Visit(ReauthRequestEvent value) => Note($"{value.Data.Integration} needs you to sign in again: {value.Data.AuthUrl}");

    public Step Visit(ErrorEvent value) => Note($"error {value.Data.Code}: {value.Data.Error}");

    public Step Visit(ParticipantStatusEvent value) => Note("agent is " + value.Data.Status switch
    {
        ParticipantState.WaitingForApproval => "waiting for approval",
        var status => status.ToString().ToLowerInvariant(),
    });

    public Step Visit(UnknownSessionEvent value) => Note($"an event this version does not know: {value.TypeName}");

    // Acknowledgements and connection events: the chat loop already knows.
    public Step Visit(SessionCreatedEvent value) => Step.Continue;

    public Step Visit(SessionConnectedEvent value) => Step.Continue;

    public Step Visit(MessagePostedEvent value) => Step.Continue;

    public Step Visit(MessagesPostedEvent value) => Step.Continue;
    public Step Visit(ResponseAcceptedEvent value) => Step.Continue;

    public Step Visit(PongEvent value) => Step.Continue;

    private Step Note(string text)
    {
        screen.Line();
        screen.Line($"  ({text})");
        return Step.Continue;
    }

    private static string Json(IReadOnlyDictionary<string, JsonElement> arguments)
        => "{" + string.Join(", ", arguments.Select(a => $"\"{a.Key}\": {a.Value.GetRawText()}")) + "}";
}
