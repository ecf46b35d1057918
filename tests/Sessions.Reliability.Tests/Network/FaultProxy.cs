using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Reliability.Tests.Network;

/// <summary>
/// A TCP proxy of our own on 127.0.0.1 (ephemeral port) between a client and the engine that injects faults at the byte
/// level, each connection after a plan drawn from one seed: cut after N bytes in either direction (a graceful close or a
/// reset, wherever N falls: often in the middle of a WebSocket frame), forward in 1-7 byte pieces, add jitter, stall
/// with both sockets left open, and refuse connections for short whiles (accepted and reset at once).
/// </summary>
/// <remarks>
/// Hand-written: the faults must sit at exact byte offsets of a live TCP stream, which no proxy library we can use
/// offers in-process. Everything it starts ends on <see cref="DisposeAsync"/>.
/// </remarks>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly FaultSchedule _schedule;
    private readonly Random _random;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<ProxiedConnection, Task> _connections = new();
    private readonly Task _accepting;
    private long _refuseUntil;
    private volatile bool _armed;

    /// <param name="target">The engine's base address.</param>
    /// <param name="seed">Decides every plan.</param>
    /// <param name="schedule">How often each fault happens.</param>
    /// <param name="armed">False to forward faithfully until <see cref="Arm"/>: bytes before it count toward no fault.</param>
    public FaultProxy(Uri target, int seed, FaultSchedule schedule, bool armed = true)
    {
        _armed = armed;
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _schedule = schedule;
        _random = new Random(seed);
        Seed = seed;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients connect (http and ws).</summary>
    public Uri BaseAddress { get; }

    public int Seed { get; }

    public FaultFigures Figures { get; } = new();

    /// <summary>True once faults are armed.</summary>
    public bool Armed => _armed;

    /// <summary>Arms the faults: from now on, connections open and new count bytes toward their plan, and may be refused.</summary>
    public void Arm() => _armed = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var connection in _connections.Keys)
        {
            connection.Teardown(reset: true);
        }

        await Task.WhenAll(_connections.Values);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Figures.Connection();
            client.NoDelay = true;
            var plan = NextPlan();
            if (plan is null)
            {
                Figures.Refusal();
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            var connection = new ProxiedConnection(client, plan, Figures, this);
            _connections[connection] = RunAsync(connection);
        }
    }

    private async Task RunAsync(ProxiedConnection connection)
    {
        try
        {
            await connection.RunAsync(_target, _stop.Token);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    /// <summary>The plan of the next connection, or null to refuse it. One lock: the seed decides the sequence of plans.</summary>
    private ConnectionPlan? NextPlan()
    {
        lock (_random)
        {
            var now = Environment.TickCount64;
            if (_armed && now < Volatile.Read(ref _refuseUntil))
            {
                return null;
            }

            if (_armed && _random.NextDouble() < _schedule.RefuseWindowChance)
            {
                Volatile.Write(ref _refuseUntil, now + FaultSchedule.Between(_random, _schedule.RefuseWindowMs));
                return null;
            }

            var roll = _random.NextDouble();
            var fault = roll < _schedule.CutDownstreamChance ? Fault.CutDownstream
                : roll < _schedule.CutDownstreamChance + _schedule.CutUpstreamChance ? Fault.CutUpstream
                : roll < _schedule.CutDownstreamChance + _schedule.CutUpstreamChance + _schedule.StallChance ? Fault.Stall
                : Fault.None;
            var budget = fault == Fault.CutUpstream ? FaultSchedule.Between(_random, _schedule.UpstreamBytes) : FaultSchedule.Between(_random, _schedule.DownstreamBytes);
            return new ConnectionPlan(new Random(_random.Next()), _schedule, fault, budget, Reset: _random.Next(2) == 0);
        }
    }

    internal enum Fault
    {
        None,
        CutDownstream,
        CutUpstream,
        Stall,
    }

    internal sealed record ConnectionPlan(Random Random, FaultSchedule Schedule, Fault Fault, int Budget, bool Reset);
}
