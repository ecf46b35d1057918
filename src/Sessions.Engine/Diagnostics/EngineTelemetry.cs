using System.Diagnostics;

namespace Sessions.Engine.Diagnostics;

/// <summary>
/// The engine's spans, from the <see cref="ActivitySource"/> named <c>Sessions.Engine</c>: one per client frame handled,
/// continuing the client's trace when the frame carries a W3C <c>traceparent</c>.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The activity source's name.</summary>
    public const string Name = "Sessions.Engine";

    /// <summary>The engine's activity source.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>A server span named <c>engine.{frame type}</c>, a child of the client span the frame names, if any.</summary>
    internal static Activity? StartFrame(ClientFrame frame, string? sessionId)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(frame.Traceparent, frame.Tracestate, isRemote: true, out var parent);
        var activity = ActivitySource.StartActivity("engine." + frame.Type.ToString(), ActivityKind.Server, parent);
        if (activity is not null && sessionId is not null)
        {
            activity.SetTag("gen_ai.conversation.id", sessionId);
        }

        return activity;
    }
}
