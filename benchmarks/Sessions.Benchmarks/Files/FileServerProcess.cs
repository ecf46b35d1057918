using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace Sessions.Benchmarks.Files;

/// <summary>The child process running <see cref="FileServerHost"/>, driven line by line over stdin/stdout.</summary>
public sealed class FileServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private FileServerProcess(Process process, Uri engine, string apiKey, Uri drain)
    {
        _process = process;
        EngineAddress = engine;
        ApiKey = apiKey;
        DrainAddress = drain;
    }

    public Uri EngineAddress { get; }

    public string ApiKey { get; }

    public Uri DrainAddress { get; }

    public static async Task<FileServerProcess> StartAsync()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(FileServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add(FileServerHost.Argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the file server process.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[file server] " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        var server = new FileServerProcess(process, null!, string.Empty, null!);
        var ready = await server.ReadLineStartingAsync("READY ").ConfigureAwait(false);
        var parts = ready.Split(' ');
        return new FileServerProcess(process, new Uri(parts[1]), parts[2], new Uri(parts[3]));
    }

    /// <summary>Takes the server's idle heap (after a full collection) as the level its peak is measured from.</summary>
    public async Task MarkAsync()
    {
        await _process.StandardInput.WriteLineAsync("mark").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        await ReadLineStartingAsync("MARKED").ConfigureAwait(false);
    }

    /// <summary>The server's peak heap above the mark, and the bytes it allocated since.</summary>
    public async Task<(long Peak, long Allocated)> PeakAsync()
    {
        await _process.StandardInput.WriteLineAsync("peak").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        var parts = (await ReadLineStartingAsync("PEAK ").ConfigureAwait(false)).Split(' ');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private async Task<string> ReadLineStartingAsync(string prefix)
    {
        var read = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            throw new InvalidOperationException("The file server process ended before it said " + prefix.Trim() + ".");
        });
        if (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false) != read)
        {
            throw new TimeoutException("The file server process did not say " + prefix.Trim() + " within 60 s.");
        }

        return await read.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit").ConfigureAwait(false);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has gone already.
        }

        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
