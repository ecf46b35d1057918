using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Runtime.Tests.Files;

/// <summary>
/// A loopback TCP proxy in front of an engine that aborts any connection (both sides, with a reset) once the client
/// has sent more than <c>cutAfterBytes</c> on it: an upload's connection dies mid-body, while the session's
/// WebSocket, which carries little, passes untouched.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Uri target;
    private readonly long cutAfterBytes;
    private readonly Task acceptLoop;
    private int cuts;

    public CuttingProxy(Uri target, long cutAfterBytes)
    {
        this.target = target;
        this.cutAfterBytes = cutAfterBytes;
        listener.Start();
        Address = new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + "/");
        acceptLoop = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>How many connections were cut.</summary>
    public int Cuts => Volatile.Read(ref cuts);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = PipeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                await server.ConnectAsync(target.Host, target.Port, stop.Token);
                var up = CopyAsync(client, server, cutAfterBytes);
                var down = CopyAsync(server, client, long.MaxValue);
                await Task.WhenAny(up, down);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
            finally
            {
                // A reset, not a FIN: the peer sees the connection die, not end.
                client.Client.LingerState = new LingerOption(true, 0);
                server.Client.LingerState = new LingerOption(true, 0);
            }
        }
    }

    private async Task CopyAsync(TcpClient from, TcpClient to, long limit)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        try
        {
            var source = from.GetStream();
            var sink = to.GetStream();
            while (true)
            {
                var read = await source.ReadAsync(buffer, stop.Token);
                if (read == 0)
                {
                    return;
                }

                total += read;
                if (total > limit)
                {
                    Interlocked.Increment(ref cuts);
                    return;
                }

                await sink.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        await acceptLoop;
        stop.Dispose();
    }
}
