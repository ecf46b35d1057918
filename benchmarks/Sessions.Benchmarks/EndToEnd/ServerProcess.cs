using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.EndToEnd;

/// <summary>The child process running <see cref="ServerHost"/>; stopped by telling it to quit (killed only if it hangs).</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private ServerProcess(ChildProcess child, Uri engine, string apiKey, Uri echo)
    {
        _child = child;
        EngineAddress = engine;
        ApiKey = apiKey;
        EchoAddress = echo;
    }

    public Uri EngineAddress { get; }

    public string ApiKey { get; }

    public Uri EchoAddress { get; }

    /// <summary>The endpoint that answers every post with the engine's recorded turn (<see cref="ReplayedTurn"/>).</summary>
    public Uri ReplayAddress => new UriBuilder(EchoAddress) { Path = ReplayedTurn.Path }.Uri;

    /// <summary>The engine's WebSocket endpoint (what the runtime connects to).</summary>
    public Uri EngineWebSocket => new UriBuilder(EngineAddress) { Scheme = "ws", Path = global::Sessions.Protocol.ProtocolFacts.SocketPath }.Uri;

    public static async Task<ServerProcess> StartAsync()
    {
        var errors = new ConcurrentQueue<string>();
        var child = ChildProcess.Start(ServerHost.Argument, "server", errors.Enqueue);
        string line;
        try
        {
            line = await child.ReadLineStartingAsync("READY ").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            await child.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The server process did not start: " + string.Join(" | ", errors), exception);
        }

        child.DiscardOutput();
        var parts = line.Split(' ');
        return new ServerProcess(child, new Uri(parts[1]), parts[2], new Uri(parts[3]));
    }

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}
