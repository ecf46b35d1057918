using System;
using System.Diagnostics.Metrics;

namespace Sessions.Diagnostics;

/// <summary>
/// The histograms of one client: on a meter from the host's <see cref="IMeterFactory"/> when it gives one (so tests and
/// hosts see only their own clients), else on the shared <see cref="SessionsTelemetry.Meter"/>. Every duration in seconds,
/// as OpenTelemetry recommends.
/// </summary>
internal sealed class SessionsMetrics
{
    public SessionsMetrics(Meter meter)
    {
        ConnectDuration = meter.CreateHistogram<double>("sessions.client.connect.duration", "s", "Time to open the socket and create or resume the session.");
        TimeToFirstDelta = meter.CreateHistogram<double>("sessions.client.turn.time_to_first_delta", "s", "Time from a post to the first streamed delta of its reply.");
        TurnDuration = meter.CreateHistogram<double>("sessions.client.turn.duration", "s", "Time from a post to message_complete.");
        ReconnectDowntime = meter.CreateHistogram<double>("sessions.client.reconnect.downtime", "s", "Time from a dropped connection to the session joined again.");
    }

    public static SessionsMetrics Shared { get; } = new(SessionsTelemetry.Meter);

    public Histogram<double> ConnectDuration { get; }

    public Histogram<double> TimeToFirstDelta { get; }

    public Histogram<double> TurnDuration { get; }

    public Histogram<double> ReconnectDowntime { get; }

    /// <summary>The metrics for a client's options: its own meter when the host gives a factory.</summary>
    public static SessionsMetrics For(IMeterFactory? factory)
        => factory is null ? Shared : new SessionsMetrics(factory.Create(new MeterOptions(SessionsTelemetry.Name)));
}
