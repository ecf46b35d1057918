using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>The command line: <c>--quick</c>, <c>--goals 1,2,7</c>, <c>--in-process</c>, <c>--verbose</c>, <c>--results PATH</c>.</summary>
public sealed class BenchOptions
{
    public bool Quick { get; private init; }

    public bool InProcess { get; private init; }

    /// <summary>Quick mode with BenchmarkDotNet's own per-class process (slower to start; more isolated).</summary>
    public bool OutOfProcess { get; private init; }

    public bool Verbose { get; private init; }

    public IReadOnlySet<int> Goals { get; private init; } = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

    public bool AllGoals => Goals.Count == 9;

    public string? ResultsPath { get; private init; }

    public string Mode => Quick ? (OutOfProcess ? "quick (out-of-process)" : "quick") : InProcess ? "full (in-process)" : "full";

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var inProcess = false;
        var outOfProcess = false;
        var verbose = false;
        string? results = null;
        HashSet<int>? goals = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--in-process":
                    inProcess = true;
                    break;
                case "--out-of-process":
                    outOfProcess = true;
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--goals" when i + 1 < args.Length:
                    goals = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(g => int.Parse(g, CultureInfo.InvariantCulture)).ToHashSet();
                    break;
                case "--results" when i + 1 < args.Length:
                    results = args[++i];
                    break;
                case "--help" or "-h":
                    throw new ArgumentException(Usage);
                default:
                    throw new ArgumentException("Unknown argument '" + args[i] + "'.\n" + Usage);
            }
        }

        return new BenchOptions
        {
            Quick = quick,
            InProcess = inProcess,
            OutOfProcess = outOfProcess,
            Verbose = verbose,
            Goals = goals ?? new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9 },
            ResultsPath = results,
        };
    }

    public const string Usage = """
        dotnet run -c Release --project benchmarks/Sessions.Benchmarks -- [--quick] [--goals 1,2,...] [--in-process] [--verbose] [--results PATH]
          --quick       short runs (in-process BenchmarkDotNet ShortRun, smaller end-to-end counts): a few minutes on 2 cores
          --goals       run only these goals (1-9); RESULTS.md is written only when all goals run (or with --results)
          --in-process  full mode without BenchmarkDotNet's per-class process and build
          --out-of-process  quick mode with BenchmarkDotNet's per-class process and build
          --verbose     BenchmarkDotNet's full log
          --results     where to write the Markdown results (default benchmarks/RESULTS.md)
        """;
}
