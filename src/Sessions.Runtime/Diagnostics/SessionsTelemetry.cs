using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sessions.Diagnostics;

/// <summary>The runtime's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Sessions.Runtime</c>.</summary>
public static class SessionsTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Sessions.Runtime";

    /// <summary>Activities for connecting, resuming and request/answer exchanges.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly UpDownCounter<long> ConnectedSessions = Meter.CreateUpDownCounter<long>("sessions.connected", description: "Sessions with an open socket.");

    internal static readonly Counter<long> FramesReceived = Meter.CreateCounter<long>("sessions.frames.received", description: "Frames received from the engine.");

    internal static readonly Counter<long> FramesSent = Meter.CreateCounter<long>("sessions.frames.sent", description: "Frames sent to the engine.");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("sessions.reconnects", description: "Successful reconnections after a drop.");

    internal static readonly Counter<long> OverflowDrops = Meter.CreateCounter<long>("sessions.subscriber.dropped", description: "Events dropped because a subscriber's queue was full.");
}
