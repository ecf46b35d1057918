using System;
using System.Diagnostics.Metrics;

namespace Sessions.Diagnostics;

/// <summary>
/// The instruments of one client: on a meter from the host's <see cref="IMeterFactory"/> when it gives one (so tests and
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
        ConnectedSessions = meter.CreateUpDownCounter<long>("sessions.connected", description: "Sessions with an open socket.");
        FramesReceived = meter.CreateCounter<long>("sessions.frames.received", description: "Frames received from the engine.");
        FramesSent = meter.CreateCounter<long>("sessions.frames.sent", description: "Frames sent to the engine.");
        Reconnects = meter.CreateCounter<long>("sessions.reconnects", description: "Successful reconnections after a drop.");
        OverflowDrops = meter.CreateCounter<long>("sessions.subscriber.dropped", description: "Events dropped because a subscriber's queue was full.");
    }

    public static SessionsMetrics Shared { get; } = new(SessionsTelemetry.Meter);

    public Histogram<double> ConnectDuration { get; }

    public Histogram<double> TimeToFirstDelta { get; }

    public Histogram<double> TurnDuration { get; }

    public Histogram<double> ReconnectDowntime { get; }

    public UpDownCounter<long> ConnectedSessions { get; }

    public Counter<long> FramesReceived { get; }

    public Counter<long> FramesSent { get; }

    public Counter<long> Reconnects { get; }

    public Counter<long> OverflowDrops { get; }

    /// <summary>The metrics for a client's options: its own meter when the host gives a factory.</summary>
    public static SessionsMetrics For(IMeterFactory? factory)
        => factory is null ? Shared : new SessionsMetrics(factory.Create(new MeterOptions(SessionsTelemetry.Name)));
}
