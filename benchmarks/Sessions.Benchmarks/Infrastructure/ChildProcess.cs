using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>
/// This benchmark executable started again as a child process (an engine host, so that its heap and CPU are its own),
/// driven line by line over stdin/stdout, and stopped by telling it to quit (killed only if it hangs).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _name;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    /// <summary>Starts the executable with <paramref name="argument"/>; each line it writes to stderr goes to <paramref name="onError"/>.</summary>
    public static ChildProcess Start(string argument, string name, Action<string> onError)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Run by the dotnet host: the child needs the assembly too.
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the " + name + " process.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onError(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return new ChildProcess(process, name);
    }

    /// <summary>The first line the child writes that starts with <paramref name="prefix"/>; lines before it are skipped.</summary>
    /// <exception cref="TimeoutException">No such line within 60 s.</exception>
    /// <exception cref="InvalidOperationException">The child ended first.</exception>
    public async Task<string> ReadLineStartingAsync(string prefix)
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

            throw new InvalidOperationException("The " + _name + " process ended before it said " + prefix.Trim() + ".");
        });
        if (await Task.WhenAny(read, Task.Delay(LineTimeout)).ConfigureAwait(false) != read)
        {
            throw new TimeoutException("The " + _name + " process did not say " + prefix.Trim() + " within " + LineTimeout.TotalSeconds + " s.");
        }

        return await read.ConfigureAwait(false);
    }

    /// <summary>Sends one line to the child's stdin.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Reads and drops all the child writes from now on, so a full pipe never blocks it (for a child nobody reads any more).</summary>
    public void DiscardOutput() => _ = Task.Run(async () =>
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }
    });

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

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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
