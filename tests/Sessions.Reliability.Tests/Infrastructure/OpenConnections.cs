using System;
using System.Diagnostics.Metrics;
using System.Threading;
using Sessions.Diagnostics;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// Follows the runtime's <c>sessions.connected</c> up-down counter, which a connection raises when it opens and
/// lowers in the <c>finally</c> of its receive loop: back at zero means every receive loop has ended. Process-wide,
/// so the tests that read it run one at a time (the assembly does not parallelise).
/// </summary>
public sealed class OpenConnections : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _open;
    private long _opened;

    public OpenConnections()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SessionsTelemetry.Name && instrument.Name == "sessions.connected")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            Interlocked.Add(ref _open, value);
            if (value > 0)
            {
                Interlocked.Add(ref _opened, value);
            }
        });
        _listener.Start();
    }

    /// <summary>Connections whose receive loop is still running (opened since this listener started).</summary>
    public long Open => Interlocked.Read(ref _open);

    /// <summary>Connections opened since this listener started.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    public void Dispose() => _listener.Dispose();
}
