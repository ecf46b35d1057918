using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sessions.Diagnostics;

/// <summary>The runtime's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Sessions.Runtime</c>.</summary>
/// <remarks>
/// Spans: <c>session.create</c> / <c>session.resume</c> (each socket opened and joined), <c>session.reconnect</c> (drop to
/// back), <c>session.send</c> (a post until the engine acknowledges it), <c>session.turn</c> (a post until
/// <c>message_complete</c>), <c>session.approval</c> (an approval request until it is answered). Attribute names follow
/// the OpenTelemetry GenAI conventions where one fits (<c>gen_ai.conversation.id</c>, <c>gen_ai.agent.id</c>,
/// <c>gen_ai.operation.name</c>, <c>gen_ai.tool.name</c>). Tokens and keys never appear in a span.
/// </remarks>
public static class SessionsTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Sessions.Runtime";

    /// <summary>Activities for connecting, resuming, reconnecting, sending, turns and approvals.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly UpDownCounter<long> ConnectedSessions = Meter.CreateUpDownCounter<long>("sessions.connected", description: "Sessions with an open socket.");

    internal static readonly Counter<long> FramesReceived = Meter.CreateCounter<long>("sessions.frames.received", description: "Frames received from the engine.");

    internal static readonly Counter<long> FramesSent = Meter.CreateCounter<long>("sessions.frames.sent", description: "Frames sent to the engine.");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("sessions.reconnects", description: "Successful reconnections after a drop.");

    internal static readonly Counter<long> OverflowDrops = Meter.CreateCounter<long>("sessions.subscriber.dropped", description: "Events dropped because a subscriber's queue was full.");

    /// <summary>Marks a span as failed: error status, <c>error.type</c>, and an <c>exception</c> event.</summary>
    internal static void RecordFailure(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag(SemanticNames.ErrorType, exception.GetType().FullName);
#if NET9_0_OR_GREATER
        activity.AddException(exception);
#else
        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            ["exception.type"] = exception.GetType().FullName,
            ["exception.message"] = exception.Message,
            ["exception.stacktrace"] = exception.ToString(),
        }));
#endif
    }

    /// <summary>For an exception filter: records the failure and lets the exception pass (always false).</summary>
    internal static bool FailedWith(Activity? activity, Exception exception)
    {
        RecordFailure(activity, exception);
        return false;
    }

    /// <summary>Stamps the current span's W3C trace context on a frame, so the engine's spans continue the trace.</summary>
    internal static ClientFrame WithTraceContext(ClientFrame frame)
    {
        // A stopped span is only the ambient one a timer or a loop inherited (keep-alive pings): no parent for the engine.
        var current = Activity.Current;
        if (current is null || current.IsStopped || current.IdFormat != ActivityIdFormat.W3C || frame.Traceparent is not null)
        {
            return frame;
        }

        return frame with { Traceparent = current.Id, Tracestate = current.TraceStateString };
    }
}
