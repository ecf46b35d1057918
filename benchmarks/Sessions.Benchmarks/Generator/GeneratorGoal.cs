using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sessions.Benchmarks.Infrastructure;
using Sessions.Protocol.Generator;

namespace Sessions.Benchmarks.Generator;

/// <summary>Goal 7: cold-run time and allocations on our schema and on 500 events; which steps an unrelated edit reruns.</summary>
public static class GeneratorGoal
{
    public static void Run(BenchOptions options, Report report)
    {
        // The first run in this process: JIT of the generator and of Roslyn's driver included.
        var first = FirstRun(GeneratorHarness.OurSchema());
        var outputs = new List<IReadOnlyList<string>>();
        foreach (var schema in Enum.GetValues<GeneratorSchema>())
        {
            var run = GeneratorHarness.CreateDriver(GeneratorBenchmarks.SchemasOf(schema)).RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();
            var errors = run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) + run.Results.Sum(r => r.Exception is null ? 0 : 1);
            if (errors > 0)
            {
                throw new InvalidOperationException($"The generator failed on {schema}: " + string.Join("; ", run.Diagnostics.Take(3)) + run.Results[0].Exception);
            }

            outputs.Add(new[]
            {
                schema.ToString(), run.GeneratedTrees.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Fmt.Num(run.GeneratedTrees.Sum(t => t.Length), "N0") + " chars (" + Fmt.Num(run.GeneratedTrees.Sum(t => t.GetText().Lines.Count), "N0") + " lines)",
            });
        }

        var results = Bdn.Run<GeneratorBenchmarks>(options);
        var ours = results.Get(nameof(GeneratorBenchmarks.ColdRun), nameof(GeneratorSchema.Ours));
        var big = results.Get(nameof(GeneratorBenchmarks.ColdRun), nameof(GeneratorSchema.Synthetic500));
        var oursEdit = results.Get(nameof(GeneratorBenchmarks.UnrelatedEditRun), nameof(GeneratorSchema.Ours));
        var bigEdit = results.Get(nameof(GeneratorBenchmarks.UnrelatedEditRun), nameof(GeneratorSchema.Synthetic500));

        report.Add(new GoalLine("7a", "generator cold run, our schema (fresh driver)", Fmt.Ns(ours.MeanNs) + ", " + Fmt.Bytes(ours.AllocatedBytes),
            "first run in a fresh process (JIT included): " + Fmt.Ns(first.Ns) + ", " + Fmt.Bytes(first.Bytes), double.NaN, "report", null));
        report.Add(new GoalLine("7b", "generator cold run, 500-event schema (ratio: time vs our 16-event schema)", Fmt.Ns(big.MeanNs) + ", " + Fmt.Bytes(big.AllocatedBytes),
            Fmt.Ns(ours.MeanNs) + ", " + Fmt.Bytes(ours.AllocatedBytes) + " (ours)", big.MeanNs / ours.MeanNs, "report", null));

        // The unrelated edit: which steps produced anything but Cached/Unchanged outputs.
        var steps = new List<IReadOnlyList<string>>();
        var rerun = 0;
        var total = 0;
        foreach (var schema in Enum.GetValues<GeneratorSchema>())
        {
            var compilation = GeneratorHarness.CreateCompilation();
            var driver = GeneratorHarness.CreateDriver(GeneratorBenchmarks.SchemasOf(schema)).RunGenerators(compilation);
            var second = driver.RunGenerators(GeneratorBenchmarks.UnrelatedEdit(compilation)).GetRunResult().Results[0];
            foreach (var name in new[] { TrackingNames.SchemaFiles, TrackingNames.ParsedSchemas, TrackingNames.ProtocolModel, TrackingNames.GeneratedTypes, TrackingNames.LanguageSupport })
            {
                var reasons = second.TrackedSteps.TryGetValue(name, out var runs)
                    ? runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
                    : new List<IncrementalStepRunReason>();
                var changed = reasons.Count(r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
                rerun += changed;
                total += reasons.Count;
                steps.Add(new[]
                {
                    schema.ToString(), name, reasons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(", ", reasons.GroupBy(r => r).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())),
                });
            }

            foreach (var (name, runs) in second.TrackedOutputSteps)
            {
                var reasons = runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
                var changed = reasons.Count(r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
                rerun += changed;
                total += reasons.Count;
                steps.Add(new[] { schema.ToString(), "output: " + name, reasons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", reasons.GroupBy(r => r).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())) });
            }
        }

        report.Add(new GoalLine("7c", "unrelated edit: tracked step outputs New/Modified (ratio: rerun time vs cold run, ours)", rerun + " of " + total + " outputs",
            "rerun " + Fmt.Ns(oursEdit.MeanNs) + " (ours), " + Fmt.Ns(bigEdit.MeanNs) + " (500)", oursEdit.MeanNs / ours.MeanNs, "0 rerun", rerun == 0));

        report.Detail("Goal 7: generator runs (CSharpGeneratorDriver + ProtocolGenerator)", Report.Table(
            new[] { "schema", "run", "median", "std. error of mean", "allocated" },
            results.Select(r => (IReadOnlyList<string>)new[] { r.Parameter, r.Method, Fmt.Ns(r.MeanNs), "± " + Fmt.Ns(r.ErrorNs), Fmt.Bytes(r.AllocatedBytes) })
                .Append(new[] { "Ours", "first run in process (JIT)", Fmt.Ns(first.Ns), "1 sample", Fmt.Bytes(first.Bytes) })));
        report.Detail("Goal 7: generated output", Report.Table(new[] { "schema", "files", "size" }, outputs));
        report.Detail("Goal 7: tracked steps after an unrelated edit (reason counts of each step's outputs)", Report.Table(new[] { "schema", "step", "outputs", "reasons" }, steps));
    }

    private static (double Ns, double Bytes) FirstRun(IReadOnlyList<SchemaFile> schemas)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var trees = GeneratorHarness.CreateDriver(schemas).RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;
        clock.Stop();
        GC.KeepAlive(trees);
        return (clock.Elapsed.TotalMilliseconds * 1_000_000, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
