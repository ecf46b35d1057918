using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using System.Threading.Tasks;
using Sessions.Diagnostics;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;
using static Sessions.Runtime.Tests.InMemory.UserCodeWithInMemoryTransportTests;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>
/// Every instrument of a client is on the meter its <see cref="SessionClientOptions.MeterFactory"/> gives: a listener on
/// that meter alone counts exactly this client's frames, connections and reconnects, whatever other tests run beside it.
/// </summary>
public sealed class MeterTests
{
    /// <summary>A factory whose meters say they are its own (<see cref="Meter.Scope"/>), as the host's does.</summary>
    private sealed class OwnMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task A_clients_meter_counts_exactly_its_own_frames_connections_and_reconnects()
    {
        using var factory = new OwnMeterFactory();
        var totals = new ConcurrentDictionary<string, long>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        meters.Start();

        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, MeterFactory = factory, ReconnectPolicy = Fast(), KeepAliveInterval = TimeSpan.Zero });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var first = await transport.AcceptAsync(Within.Token());
        await first.AnswerJoinAsync("s1", cancellationToken: Within.Token()); // create_session sent, session_created received
        var session = await creating;
        var changes = Channel.CreateUnbounded<SessionState>();
        session.StateChanged += (_, change) => changes.Writer.TryWrite(change.Current);
        await using (var events = session.ListenAsync(cancellationToken: Within.Token()).GetAsyncEnumerator())
        {
            for (var seq = 1; seq <= 3; seq++)
            {
                await first.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = seq, Data = new MessageDeltaEventData { Delta = "d" } });
                Assert.True(await events.MoveNextAsync());
            }
        }

        first.Drop();
        var second = await transport.AcceptAsync(Within.Token());
        await second.AnswerJoinAsync("s1", cancellationToken: Within.Token()); // the resume: sent and answered
        while (await changes.Reader.ReadAsync(Within.Token()) != SessionState.Connected)
        {
        }

        await session.DisposeAsync();

        Assert.Equal(2, totals.GetValueOrDefault("sessions.frames.sent"));
        Assert.Equal(5, totals.GetValueOrDefault("sessions.frames.received"));
        Assert.Equal(1, totals.GetValueOrDefault("sessions.reconnects"));
        Assert.Equal(0, totals.GetValueOrDefault("sessions.connected")); // two opened, two closed
        Assert.True(totals.ContainsKey("sessions.connected"));
    }
}
