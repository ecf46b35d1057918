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

    /// <summary>The meter of clients whose options give no <see cref="IMeterFactory"/>; see <see cref="SessionsMetrics"/>.</summary>
    internal static readonly Meter Meter = new(Name);

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
