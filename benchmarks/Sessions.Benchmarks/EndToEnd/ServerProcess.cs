using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Sessions.Benchmarks.EndToEnd;

/// <summary>The child process running <see cref="ServerHost"/>; stopped by telling it to quit (killed only if it hangs).</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();

    private ServerProcess(Process process, Uri engine, string apiKey, Uri echo)
    {
        _process = process;
        EngineAddress = engine;
        ApiKey = apiKey;
        EchoAddress = echo;
    }

    public Uri EngineAddress { get; }

    public string ApiKey { get; }

    public Uri EchoAddress { get; }

    /// <summary>The engine's WebSocket endpoint (what the runtime connects to).</summary>
    public Uri EngineWebSocket => new UriBuilder(EngineAddress) { Scheme = "ws", Path = "v1/sessions/ws" }.Uri;

    public static async Task<ServerProcess> StartAsync()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add(ServerHost.Argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server process.");
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();

        // The first line that starts with READY; anything the host prints before it is skipped.
        var ready = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } text)
            {
                if (text.StartsWith("READY ", StringComparison.Ordinal))
                {
                    return text;
                }
            }

            return null;
        });
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false) != ready || ready.Result is not { } line)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            throw new InvalidOperationException("The server process did not start: " + string.Join(" | ", errors));
        }

        // Keep reading what it prints, so a full pipe never blocks it.
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        });

        var parts = line.Split(' ');
        var server = new ServerProcess(process, new Uri(parts[1]), parts[2], new Uri(parts[3]));
        foreach (var error in errors)
        {
            server._errors.Enqueue(error);
        }

        return server;
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
