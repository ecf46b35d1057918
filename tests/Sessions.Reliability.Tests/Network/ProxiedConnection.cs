using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Reliability.Tests.Network;

/// <summary>One client connection through <see cref="FaultProxy"/>: two pumps, one plan, one teardown.</summary>
internal sealed class ProxiedConnection
{
    private readonly Socket _client;
    private readonly Socket _engine = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly FaultProxy.ConnectionPlan _plan;
    private readonly FaultFigures _figures;
    private readonly FaultProxy _proxy;
    private readonly CancellationTokenSource _done = new();
    private readonly bool _fragmenting;
    private int _tornDown;
    private long _sentOnFaultedDirection;
    private volatile bool _stalled;

    public ProxiedConnection(Socket client, FaultProxy.ConnectionPlan plan, FaultFigures figures, FaultProxy proxy)
    {
        _client = client;
        _proxy = proxy;
        _plan = plan;
        _figures = figures;
        lock (plan.Random)
        {
            _fragmenting = plan.Random.NextDouble() < plan.Schedule.FragmentChance;
        }
    }

    public async Task RunAsync(IPEndPoint target, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _done.Token);
        try
        {
            await _engine.ConnectAsync(target, linked.Token);
            await Task.WhenAll(PumpAsync(_client, _engine, upstream: true, linked.Token), PumpAsync(_engine, _client, upstream: false, linked.Token));
        }
        catch (Exception exception) when (IsEnd(exception))
        {
            // The engine is gone or the proxy is stopping.
        }
        finally
        {
            Teardown(reset: false);
            _done.Dispose();
        }
    }

    /// <summary>Closes both sockets (a reset when <paramref name="reset"/>); idempotent.</summary>
    public void Teardown(bool reset)
    {
        if (Interlocked.Exchange(ref _tornDown, 1) == 1)
        {
            return;
        }

        foreach (var socket in new[] { _client, _engine })
        {
            try
            {
                if (reset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
                else if (socket.Connected)
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
            catch (Exception exception) when (IsEnd(exception))
            {
                // Already closed by the peer.
            }

            socket.Dispose();
        }

        try
        {
            _done.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // RunAsync has ended already.
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool upstream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var faulted = _plan.Fault switch
        {
            FaultProxy.Fault.CutUpstream => upstream,
            FaultProxy.Fault.CutDownstream or FaultProxy.Fault.Stall => !upstream,
            _ => false,
        };
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    // A graceful end from one side ends the connection, as a proxy in the middle would pass it on.
                    Teardown(reset: false);
                    return;
                }

                if (_stalled)
                {
                    // Black hole: the client's bytes go nowhere, the engine's are not read; the sockets stay open until
                    // the client gives up on the silence (keep-alive) and closes, which the read above sees.
                    continue;
                }

                var forward = read;
                var fault = false;
                var armed = _proxy.Armed;
                if (faulted && armed)
                {
                    var left = _plan.Budget - Interlocked.Read(ref _sentOnFaultedDirection);
                    if (left <= read)
                    {
                        forward = (int)Math.Max(0, left);
                        fault = true;
                    }

                    Interlocked.Add(ref _sentOnFaultedDirection, forward);
                }

                await ForwardAsync(to, buffer.AsMemory(0, forward), upstream, armed, cancellationToken);
                if (!fault)
                {
                    continue;
                }

                if (_plan.Fault == FaultProxy.Fault.Stall)
                {
                    _figures.Stall();
                    _stalled = true;
                    if (!upstream)
                    {
                        // Stop reading the engine; the upstream pump keeps watching the client for its close.
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }

                    continue;
                }

                _figures.Cut(_plan.Reset, upstream);
                Teardown(_plan.Reset);
                return;
            }
        }
        catch (Exception exception) when (IsEnd(exception))
        {
            Teardown(reset: false);
        }
    }

    private async Task ForwardAsync(Socket to, ReadOnlyMemory<byte> bytes, bool upstream, bool armed, CancellationToken cancellationToken)
    {
        bool fragment, jitter;
        int jitterMs;
        lock (_plan.Random)
        {
            fragment = armed && _fragmenting && _plan.Random.NextDouble() < _plan.Schedule.FragmentReadChance;
            jitter = armed && _plan.Random.NextDouble() < _plan.Schedule.JitterChance;
            jitterMs = FaultSchedule.Between(_plan.Random, _plan.Schedule.JitterMs);
        }

        if (jitter)
        {
            _figures.Jitter();
            await Task.Delay(jitterMs, cancellationToken);
        }

        if (fragment)
        {
            _figures.FragmentedRead();
        }

        while (!bytes.IsEmpty)
        {
            int piece;
            if (fragment)
            {
                lock (_plan.Random)
                {
                    piece = Math.Min(bytes.Length, _plan.Random.Next(1, 8));
                }
            }
            else
            {
                piece = bytes.Length;
            }

            var sent = await to.SendAsync(bytes[..piece], SocketFlags.None, cancellationToken);
            _figures.Forwarded(upstream, sent);
            bytes = bytes[sent..];
        }
    }

    private static bool IsEnd(Exception exception)
        => exception is SocketException or ObjectDisposedException or OperationCanceledException or System.IO.IOException;
}
