using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.Files;

/// <summary>
/// Goal 9 (issue 14): sending a 64 MiB file. Peak managed heap above idle on the client (this process) and on the
/// engine (a child process), each against the 8 MiB bound; throughput against a bare upload of the same bytes
/// (HttpClient + StreamContent to a Kestrel endpoint that drains the body) in the same run, interleaved rounds, medians.
/// Also reported: a small file's send uploaded against inline, at a few sizes (what the default inline limit rests on).
/// </summary>
public static class FileGoals
{
    private const long FileBytes = 64L * 1024 * 1024;
    private const long MemoryBound = 8L * 1024 * 1024;

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        var rounds = options.Quick ? 3 : 7;
        var folder = Directory.CreateTempSubdirectory("sessions-bench-files-").FullName;
        try
        {
            var path = Path.Combine(folder, "payload.bin");
            WriteRandomFile(path, FileBytes);
            await using var server = await FileServerProcess.StartAsync().ConfigureAwait(false);
            using var client = new SessionClient(new SessionClientOptions { BaseAddress = server.EngineAddress, ApiKey = server.ApiKey, RequestTimeout = TimeSpan.FromMinutes(2) });
            await using var session = await client.Agent("bench-agent").CreateSessionAsync().ConfigureAwait(false);
            using var bare = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var sampler = new HeapSampler();

            // Warm-up: JIT, connection pools, Kestrel's memory pool, the engine's temp folder.
            await OursAsync(session, path).ConfigureAwait(false);
            await BareAsync(bare, server.DrainAddress, path).ConfigureAwait(false);

            var ours = new List<Sample>();
            var baseline = new List<Sample>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first, so neither always meets a warmer (or busier) machine.
                if (round % 2 == 0)
                {
                    ours.Add(await MeasureAsync(sampler, server, () => OursAsync(session, path)).ConfigureAwait(false));
                    baseline.Add(await MeasureAsync(sampler, server, () => BareAsync(bare, server.DrainAddress, path)).ConfigureAwait(false));
                }
                else
                {
                    baseline.Add(await MeasureAsync(sampler, server, () => BareAsync(bare, server.DrainAddress, path)).ConfigureAwait(false));
                    ours.Add(await MeasureAsync(sampler, server, () => OursAsync(session, path)).ConfigureAwait(false));
                }
            }

            var clientPeak = ours.Max(s => s.ClientPeak);
            var enginePeak = ours.Max(s => s.ServerPeak);
            report.Add(GoalLine.AtMost("9a", $"64 MiB file sent: client peak managed heap above idle (worst of {rounds}), vs the 8 MiB bound", Fmt.Bytes(clientPeak),
                $"8 MiB (bare HttpClient upload: {Fmt.Bytes(baseline.Max(s => s.ClientPeak))})", (double)clientPeak / MemoryBound, 1.0));
            report.Add(GoalLine.AtMost("9b", $"64 MiB file sent: engine peak managed heap above idle (worst of {rounds}), vs the 8 MiB bound", Fmt.Bytes(enginePeak),
                $"8 MiB (bare draining endpoint: {Fmt.Bytes(baseline.Max(s => s.ServerPeak))})", (double)enginePeak / MemoryBound, 1.0));
            var oursSeconds = Median(ours.Select(s => s.Seconds));
            var bareSeconds = Median(baseline.Select(s => s.Seconds));
            report.Add(GoalLine.AtLeast("9c", $"64 MiB file sent: throughput vs a bare HttpClient + StreamContent upload to a draining Kestrel endpoint (median of {rounds} paired rounds)",
                Fmt.Num(FileBytes / 1048576.0 / oursSeconds, "0") + " MiB/s", Fmt.Num(FileBytes / 1048576.0 / bareSeconds, "0") + " MiB/s", bareSeconds / oursSeconds, 0.5));

            var oursBest = ours.Min(s => s.Seconds);
            var bareBest = baseline.Min(s => s.Seconds);
            report.Add(new GoalLine("9c'", "64 MiB file sent: throughput of the best round of each (context for 9c: the engine writes every byte to a disk other processes may be using)",
                Fmt.Num(FileBytes / 1048576.0 / oursBest, "0") + " MiB/s", Fmt.Num(FileBytes / 1048576.0 / bareBest, "0") + " MiB/s", bareBest / oursBest, "report", null));

            // Small files: the same send with every file uploaded (InlineFileMaxBytes = 0) and with every file inline.
            using var uploading = new SessionClient(new SessionClientOptions { BaseAddress = server.EngineAddress, ApiKey = server.ApiKey, InlineFileMaxBytes = 0 });
            using var inlining = new SessionClient(new SessionClientOptions { BaseAddress = server.EngineAddress, ApiKey = server.ApiKey, InlineFileMaxBytes = 1024 * 1024 });
            await using var uploadSession = await uploading.Agent("bench-agent").CreateSessionAsync().ConfigureAwait(false);
            await using var inlineSession = await inlining.Agent("bench-agent").CreateSessionAsync().ConfigureAwait(false);
            var sizes = new[] { 4 * 1024, 16 * 1024, 32 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024 };
            var small = new List<IReadOnlyList<string>>();
            foreach (var size in sizes)
            {
                var (upload, inline) = await SmallFileAsync(uploadSession, inlineSession, size, options.Quick ? 40 : 150).ConfigureAwait(false);
                report.Add(new GoalLine("9d", $"a {Fmt.Bytes(size)} file: SendAsync uploading it vs sending it inline, p50 (upload/inline; the default inline limit is {Fmt.Bytes(SessionClientOptions.DefaultInlineFileMaxBytes)})",
                    Fmt.Ns(upload * 1e9), Fmt.Ns(inline * 1e9) + " inline", upload / inline, "report", null));
                small.Add(new[] { Fmt.Bytes(size), Fmt.Ns(upload * 1e9), Fmt.Ns(inline * 1e9), Fmt.Ratio(upload / inline) });
            }

            report.Detail("Goal 9: small files, uploaded vs inline (p50 of a SendAsync with one file)", Report.Table(new[] { "size", "uploaded", "inline", "uploaded/inline" }, small));
            report.Detail($"Goal 9: a 64 MiB file, {rounds} interleaved rounds (client and engine peaks are managed heap above idle; allocated is bytes allocated during the send)", Report.Table(
                new[] { "round", "ours s", "bare s", "ours client peak", "ours client allocated", "ours engine peak", "ours engine allocated", "bare client peak", "bare server peak" },
                ours.Zip(baseline).Select((pair, i) => (IReadOnlyList<string>)new[]
                {
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Fmt.Num(pair.First.Seconds, "0.000"), Fmt.Num(pair.Second.Seconds, "0.000"),
                    Fmt.Bytes(pair.First.ClientPeak), Fmt.Bytes(pair.First.ClientAllocated), Fmt.Bytes(pair.First.ServerPeak), Fmt.Bytes(pair.First.ServerAllocated),
                    Fmt.Bytes(pair.Second.ClientPeak), Fmt.Bytes(pair.Second.ServerPeak),
                })));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task OursAsync(Session session, string path) => session.SendAsync(MessageFile.FromPath(path));

    private static async Task BareAsync(HttpClient http, Uri drain, string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var content = new StreamContent(file, 64 * 1024);
        using var response = await http.PostAsync(drain, content).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException("The draining endpoint answered " + (int)response.StatusCode + ".");
        }
    }

    private static async Task<Sample> MeasureAsync(HeapSampler sampler, FileServerProcess server, Func<Task> send)
    {
        await server.MarkAsync().ConfigureAwait(false);
        sampler.Mark();
        var clock = Stopwatch.StartNew();
        await send().ConfigureAwait(false);
        clock.Stop();
        var clientPeak = sampler.PeakAboveIdle;
        var clientAllocated = sampler.AllocatedSinceMark;
        var (serverPeak, serverAllocated) = await server.PeakAsync().ConfigureAwait(false);
        return new Sample(clock.Elapsed.TotalSeconds, clientPeak, clientAllocated, serverPeak, serverAllocated);
    }

    /// <summary>Median seconds of a SendAsync of one file of this size, uploaded and inline, interleaved.</summary>
    private static async Task<(double Upload, double Inline)> SmallFileAsync(Session uploading, Session inlining, int size, int count)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        var upload = new List<double>();
        var inline = new List<double>();
        for (var i = 0; i < count + 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await uploading.SendAsync(MessageFile.FromBytes(bytes, "application/octet-stream", "small.bin")).ConfigureAwait(false);
            var uploaded = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await inlining.SendAsync(MessageFile.FromBytes(bytes, "application/octet-stream", "small.bin")).ConfigureAwait(false);
            var posted = clock.Elapsed.TotalSeconds;
            if (i >= 5)
            {
                upload.Add(uploaded);
                inline.Add(posted);
            }
        }

        return (Median(upload), Median(inline));
    }

    private static void WriteRandomFile(string path, long size)
    {
        var chunk = new byte[1024 * 1024];
        var random = new Random(64);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        for (long written = 0; written < size; written += chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private readonly record struct Sample(double Seconds, long ClientPeak, long ClientAllocated, long ServerPeak, long ServerAllocated);
}
