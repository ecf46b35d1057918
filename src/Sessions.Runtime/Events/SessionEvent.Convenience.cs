namespace Sessions;

// Shortcuts the Python SDK's examples lean on (event.delta, event.text, event.is_complete,
// event.tool_name, event.error). They read the typed payloads; matching on the subclasses stays the
// main way to consume events.

/// <content>Shortcuts to the most read payload fields.</content>
public abstract partial record SessionEvent
{
    /// <summary>True for <see cref="MessageCompleteEvent"/>: the turn's reply is whole.</summary>
    public bool IsComplete => Type == SessionEventType.MessageComplete;

    /// <summary>The text chunk of a <see cref="MessageDeltaEvent"/>, else null.</summary>
    public virtual string? Delta => null;

    /// <summary>The whole reply of a <see cref="MessageCompleteEvent"/>, else null.</summary>
    public virtual string? Text => null;

    /// <summary>The tool of a tool call, tool result or approval request, else null.</summary>
    public virtual string? ToolName => null;

    /// <summary>The error text of an <see cref="ErrorEvent"/>, else null.</summary>
#pragma warning disable CA1716 // Named as the Python SDK's event.error, which users port from.
    public virtual string? Error => null;
#pragma warning restore CA1716
}

/// <content>Shortcut to the chunk.</content>
public sealed partial record MessageDeltaEvent
{
    /// <inheritdoc/>
    public override string? Delta => Data.Delta;
}

/// <content>Shortcut to the reply.</content>
public sealed partial record MessageCompleteEvent
{
    /// <inheritdoc/>
    public override string? Text => Data.Text;
}

/// <content>Shortcut to the tool.</content>
public sealed partial record ToolCallEvent
{
    /// <inheritdoc/>
    public override string? ToolName => Data.ToolName;
}

/// <content>Shortcut to the tool.</content>
public sealed partial record ToolResultEvent
{
    /// <inheritdoc/>
    public override string? ToolName => Data.ToolName;
}

/// <content>Shortcut to the tool.</content>
public sealed partial record ApprovalRequestEvent
{
    /// <inheritdoc/>
    public override string? ToolName => Data.ToolName;
}

/// <content>Shortcut to the error text, and whether the client made the error up itself.</content>
public sealed partial record ErrorEvent
{
    /// <inheritdoc/>
    public override string? Error => Data.Error;

    /// <summary>
    /// True for an error this client made up itself (a listener's queue overflowed, a frame from the engine
    /// could not be read); false for the engine's own errors.
    /// </summary>
    public bool IsClientReport { get; init; }
}
