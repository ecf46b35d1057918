using System;
using System.Globalization;
using System.Threading.Tasks;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.Files;

/// <summary>The child process running <see cref="FileServerHost"/>, driven line by line over stdin/stdout.</summary>
public sealed class FileServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _child;

    private FileServerProcess(ChildProcess child, Uri engine, string apiKey, Uri drain)
    {
        _child = child;
        EngineAddress = engine;
        ApiKey = apiKey;
        DrainAddress = drain;
    }

    public Uri EngineAddress { get; }

    public string ApiKey { get; }

    public Uri DrainAddress { get; }

    public static async Task<FileServerProcess> StartAsync()
    {
        var child = ChildProcess.Start(FileServerHost.Argument, "file server", line => Console.Error.WriteLine("[file server] " + line));
        try
        {
            var parts = (await child.ReadLineStartingAsync("READY ").ConfigureAwait(false)).Split(' ');
            return new FileServerProcess(child, new Uri(parts[1]), parts[2], new Uri(parts[3]));
        }
        catch
        {
            await child.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Takes the server's idle heap (after a full collection) as the level its peak is measured from.</summary>
    public async Task MarkAsync()
    {
        await _child.SendAsync("mark").ConfigureAwait(false);
        await _child.ReadLineStartingAsync("MARKED").ConfigureAwait(false);
    }

    /// <summary>The server's peak heap above the mark, and the bytes it allocated since.</summary>
    public async Task<(long Peak, long Allocated)> PeakAsync()
    {
        await _child.SendAsync("peak").ConfigureAwait(false);
        var parts = (await _child.ReadLineStartingAsync("PEAK ").ConfigureAwait(false)).Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => _child.DisposeAsync();
}
