using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>
/// One benchmark case's result per operation. <see cref="MeanNs"/> holds the MEDIAN iteration (not the mean): on a
/// machine shared with other work, a burst of load moves the mean of whichever case it hits; the median resists it.
/// </summary>
public sealed record Measured(string Method, string Parameter, double MeanNs, double ErrorNs, double AllocatedBytes);

/// <summary>Runs BenchmarkDotNet classes with the run's mode and reads their summaries back as numbers.</summary>
public static class Bdn
{
    public static IConfig Config(BenchOptions options)
    {
        Job job;
        if (options.Quick)
        {
            // Quick: in-process (no per-run build of a host project), 2 warm-ups and 10 measured iterations of ~100 ms.
            job = Job.ShortRun
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithId("Quick");
            if (!options.OutOfProcess)
            {
                job = job.WithToolchain(InProcessEmitToolchain.Instance);
            }
        }
        else if (options.InProcess)
        {
            job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId("FullInProcess");
        }
        else
        {
            // Full: BenchmarkDotNet's defaults, each class in its own freshly built process.
            job = Job.Default.WithId("Full");
        }

        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(MarkdownExporter.GitHub)
            .AddLogger(options.Verbose ? ConsoleLogger.Default : new ProgressLogger())
            .WithArtifactsPath(Path.Combine(RepoPaths.BenchmarksDirectory, "artifacts"))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
    }

    /// <summary>Runs <typeparamref name="T"/> and returns one <see cref="Measured"/> per case.</summary>
    public static IReadOnlyList<Measured> Run<T>(BenchOptions options)
    {
        var summary = BenchmarkRunner.Run<T>(Config(options));
        return Read(summary);
    }

    public static IReadOnlyList<Measured> Read(Summary summary)
    {
        var results = new List<Measured>();
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var parameter = string.Join(",", benchmark.Parameters.Items.Select(p => p.Value?.ToString() ?? string.Empty));
            var stats = report.ResultStatistics;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
            results.Add(new Measured(
                benchmark.Descriptor.WorkloadMethod.Name,
                parameter,
                stats?.Median ?? double.NaN,
                stats?.StandardError ?? double.NaN,
                allocated is long bytes ? bytes : double.NaN));
        }

        return results;
    }

    public static Measured Get(this IReadOnlyList<Measured> results, string method, string parameter = "") =>
        results.FirstOrDefault(r => r.Method == method && r.Parameter == parameter)
        ?? new Measured(method, parameter, double.NaN, double.NaN, double.NaN);

    /// <summary>Prints only the start of each benchmark and errors, so a quick run stays readable.</summary>
    private sealed class ProgressLogger : ILogger
    {
        public string Id => nameof(ProgressLogger);

        public int Priority => 0;

        public void Write(LogKind logKind, string text)
        {
            if (logKind == LogKind.Error)
            {
                Console.Error.Write(text);
            }
        }

        public void WriteLine()
        {
        }

        public void WriteLine(LogKind logKind, string text)
        {
            if (logKind == LogKind.Error)
            {
                Console.Error.WriteLine(text);
            }
            else if (text.StartsWith("// Benchmark: ", StringComparison.Ordinal))
            {
                Console.WriteLine("   " + text.Substring(3));
            }
        }

        public void Flush()
        {
        }
    }
}
