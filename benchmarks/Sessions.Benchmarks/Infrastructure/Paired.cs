using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>
/// The ratios the goals are judged by. BenchmarkDotNet measures one method after another, so a burst of other work on
/// a shared machine (parallel builds, test runs) lands on whichever method runs at the time and moves the ratio.
/// Here the two contenders alternate in short slices (a few milliseconds, order swapped every pair) and the ratio is
/// the median of the per-pair ratios: a burst slows both members of a pair alike. BenchmarkDotNet still gives the
/// table of absolute times and the allocations (which load does not change).
/// </summary>
public static class Paired
{
    /// <summary>The outcome: <see cref="Ratio"/> = time(baseline) / time(ours), per operation times in ns.</summary>
    public sealed record Result(double Ratio, double OursNs, double BaselineNs, int Pairs);

    private static long _sink;

    public static Result Compare(Func<long> ours, Func<long> baseline, TimeSpan budget)
    {
        // Warm both (JIT tiers, caches), then size a slice to about 4 ms of ours.
        Warm(ours);
        Warm(baseline);
        var perOp = Slice(ours, 16) / 16;
        var n = Math.Max(1, (int)(4_000_000 / Math.Max(perOp, 1)));

        var ratios = new List<double>();
        var oursTimes = new List<double>();
        var baselineTimes = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var pair = 0; clock.Elapsed < budget || pair < 15; pair++)
        {
            double a, b;
            if (pair % 2 == 0)
            {
                a = Slice(ours, n);
                b = Slice(baseline, n);
            }
            else
            {
                b = Slice(baseline, n);
                a = Slice(ours, n);
            }

            ratios.Add(b / a);
            oursTimes.Add(a / n);
            baselineTimes.Add(b / n);
        }

        return new Result(Median(ratios), Median(oursTimes), Median(baselineTimes), ratios.Count);
    }

    private static void Warm(Func<long> f)
    {
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 150)
        {
            _sink += f();
        }
    }

    private static double Slice(Func<long> f, int n)
    {
        long acc = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            acc += f();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        _sink += acc;
        return elapsed.TotalNanoseconds;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
