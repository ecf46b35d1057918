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
/// with both sockets left open, and refuse connections for short whiles (the connection that starts the while is reset,
/// then the listener closes, so the system refuses the next ones, and listens again on the same port).
/// </summary>
/// <remarks>
/// Hand-written: the faults must sit at exact byte offsets of a live TCP stream, which no proxy library we can use
/// offers in-process. Everything it starts ends on <see cref="DisposeAsync"/>.
/// </remarks>
public sealed class FaultProxy : IAsyncDisposable
{
    private TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly FaultSchedule _schedule;
    private readonly Random _random;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<ProxiedConnection, Task> _connections = new();
    private readonly Task _accepting;
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
        try
        {
            await AcceptAllAsync();
        }
        finally
        {
            // The loop may have opened a new listener (after a refusal window) since DisposeAsync stopped the old one.
            _listener.Stop();
        }
    }

    private async Task AcceptAllAsync()
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
            var plan = NextPlan(out var refuseFor);
            if (plan is null)
            {
                Figures.Refusal();
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                if (refuseFor > 0 && !await RefuseForAsync(refuseFor))
                {
                    return;
                }

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

    /// <summary>
    /// Refuses connections for real for a short while: the listener closes, so the system answers new connections with
    /// a reset (connection refused), then listens again on the same port. False when the proxy is stopping.
    /// </summary>
    private async Task<bool> RefuseForAsync(int milliseconds)
    {
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _listener.Stop();
        Figures.RefusalWindow();
        try
        {
            await Task.Delay(milliseconds, _stop.Token);
            for (var attempt = 0; ; attempt++)
            {
                // A new listener on the same port (a stopped TcpListener would bind a new ephemeral port). The accepted
                // connections still use the port: the address must be reusable.
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                try
                {
                    listener.Start();
                    _listener = listener;
                    return true;
                }
                catch (SocketException) when (attempt < 50)
                {
                    // The port is briefly not free again; the window just lasts a little longer.
                    listener.Dispose();
                    await Task.Delay(20, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The plan of the next connection, or null to refuse it (and how long to refuse all, when a window starts). One lock: the seed decides the sequence of plans.</summary>
    private ConnectionPlan? NextPlan(out int refuseFor)
    {
        refuseFor = 0;
        lock (_random)
        {
            if (_armed && _random.NextDouble() < _schedule.RefuseWindowChance)
            {
                refuseFor = FaultSchedule.Between(_random, _schedule.RefuseWindowMs);
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
