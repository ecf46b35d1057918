using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;

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
        Warm(ours, baseline);
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

    /// <summary>
    /// Runs both, in turn, until the JIT has compiled no method for <see cref="SettledAfter"/> (at least
    /// <see cref="MinimumWarm"/>, at most <see cref="MaximumWarm"/>). Tiered compilation replaces hot methods with
    /// optimised code on a background thread, after a delay that restarts whenever new code runs: for a few small
    /// converters that is done in well under a second, but goal 8 runs thousands of generated methods on each side, and
    /// on a loaded 2-core machine their tier-1 code takes tens of seconds to arrive. Timed before that, both sides run
    /// partly unoptimised code and the ratio measures the JIT's backlog, not the decoders.
    /// </summary>
    private static void Warm(Func<long> ours, Func<long> baseline)
    {
        var clock = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < MaximumWarm && (clock.Elapsed < MinimumWarm || quiet.Elapsed < SettledAfter))
        {
            _sink += ours();
            _sink += baseline();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }
    }

    private static readonly TimeSpan MinimumWarm = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan SettledAfter = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan MaximumWarm = TimeSpan.FromSeconds(60);

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
