using System;
using System.Diagnostics;
using System.Linq;
using Sessions.Benchmarks.Codec;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks;

/// <summary>
/// The benchmarks of issue 6. Runs every goal (or those named with --goals), prints one line per checked figure
/// (">> goal 1a ...") and writes benchmarks/RESULTS.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
#if DEBUG
        Console.Error.WriteLine("Build in Release: dotnet run -c Release --project benchmarks/Sessions.Benchmarks -- --quick");
        return 2;
#else
        if (args.Length == 1 && args[0] == EndToEnd.ServerHost.Argument)
        {
            return EndToEnd.ServerHost.RunAsync().GetAwaiter().GetResult();
        }

        if (args.Length == 1 && args[0] == Files.FileServerHost.Argument)
        {
            return Files.FileServerHost.RunAsync().GetAwaiter().GetResult();
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var loadAtStart = Machine.Load();
        var clock = Stopwatch.StartNew();
        var report = new Report();
        Console.WriteLine($"Sessions benchmarks, {options.Mode} mode, goals {string.Join(",", options.Goals.OrderBy(g => g))}");
        Console.WriteLine("Machine: " + Machine.Describe() + "; load average " + loadAtStart);

        Step(options, 1, "decode", () => CodecGoals.Decode(options, report), report);
        Step(options, 2, "encode", () => CodecGoals.Encode(options, report), report);
        if (options.Goals.Overlaps(new[] { 3, 4, 5, 6 }))
        {
            Console.WriteLine();
            Console.WriteLine("== Goals 3-6: end to end (engine in a child process, loopback) ==");
            try
            {
                EndToEnd.EndToEndGoals.RunAsync(options, report, new System.Collections.Generic.HashSet<int>(options.Goals)).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                report.Note($"goals 3-6 failed: {exception.GetType().Name}: {exception.Message}");
                Console.Error.WriteLine(exception);
            }
        }

        Step(options, 7, "generator", () => Generator.GeneratorGoal.Run(options, report), report);
        Step(options, 8, "corpus decode vs NJsonSchema", () => Corpus.CorpusGoal.Run(options, report), report);
        if (options.Goals.Contains(9))
        {
            // Goal 9 (files, issue 14): the engine runs in a child process so that its heap is measured alone.
            Console.WriteLine();
            Console.WriteLine("== Goal 9: files (engine in a child process, loopback) ==");
            try
            {
                Files.FileGoals.RunAsync(options, report).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                report.Note($"goal 9 (files) failed: {exception.GetType().Name}: {exception.Message}");
                Console.Error.WriteLine(exception);
            }
        }

        clock.Stop();
        Console.WriteLine();
        Console.WriteLine($"== Results ({options.Mode}, {clock.Elapsed.TotalMinutes:0.0} min) ==");
        foreach (var line in report.Lines)
        {
            Console.WriteLine(Report.Format(line));
        }

        foreach (var note in report.Notes)
        {
            Console.WriteLine("note: " + note);
        }

        if (options.AllGoals || options.ResultsPath is not null)
        {
            var path = ResultsWriter.Write(report, options, clock.Elapsed, started, loadAtStart);
            Console.WriteLine("Results written to " + path);
        }

        var notMet = report.Lines.Count(l => l.Met == false);
        Console.WriteLine($"{report.Lines.Count(l => l.Met == true)} met, {notMet} not met, {report.Lines.Count(l => l.Met is null)} reported only");
        return 0;
#endif
    }

    private static void Step(BenchOptions options, int goal, string name, Action run, Report report)
    {
        if (!options.Goals.Contains(goal))
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"== Goal {goal}: {name} ==");
        var clock = Stopwatch.StartNew();
        try
        {
            run();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            report.Note($"goal {goal} ({name}) failed: {exception.GetType().Name}: {exception.Message}");
            Console.Error.WriteLine(exception);
        }

        Console.WriteLine($"   goal {goal} took {clock.Elapsed.TotalSeconds:0} s");
    }
}
