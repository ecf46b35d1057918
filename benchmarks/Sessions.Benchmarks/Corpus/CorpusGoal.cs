using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.Corpus;

/// <summary>
/// Goal 8: decoding the published examples of one corpus schema (GitHub's webhook events) with the types our
/// generator makes, against the classes NJsonSchema.CodeGeneration.CSharp makes for the same schema deserialized by
/// System.Text.Json, in the same run. Both sides go through the same entry point,
/// <c>JsonSerializer.Deserialize(ReadOnlySpan&lt;byte&gt;, Type)</c>, each payload as the class of the definition it
/// is published under; only payloads both sides decode are timed. Time: paired, interleaved slices (see
/// <see cref="Paired"/>). Bytes: <c>GC.GetAllocatedBytesForCurrentThread</c> over whole rounds, after a warm-up.
/// </summary>
public static class CorpusGoal
{
    public static void Run(BenchOptions options, Report report)
    {
        var workload = CorpusWorkload.Load(CorpusWorkload.GoalSchema);
        var (oursTypes, generatorErrors) = Contenders.Ours(workload);
        var definitions = workload.Examples.Select(e => e.Definition).ToList();
        var (theirsTypes, undeclared) = Contenders.Theirs(workload, definitions);
        var ours = CorpusWorkload.TypesByDefinition(definitions, oursTypes.Where(t => t.Namespace?.EndsWith(".Serialization", StringComparison.Ordinal) != true));
        var theirs = theirsTypes;

        var oursOptions = new JsonSerializerOptions();
        var theirsOptions = new JsonSerializerOptions();
        var cases = new List<(byte[] Utf8, Type Ours, Type Theirs)>();
        var excluded = new List<string>();
        foreach (var example in workload.Examples)
        {
            if (!ours.TryGetValue(example.Definition, out var o) || !theirs.TryGetValue(example.Definition, out var t))
            {
                excluded.Add($"{example.Definition} (no class: ours {(ours.ContainsKey(example.Definition) ? "yes" : "no")}, NJsonSchema {(theirs.ContainsKey(example.Definition) ? "yes" : "no")})");
                continue;
            }

            string? problem = Try(() => JsonSerializer.Deserialize(example.Utf8, o, oursOptions), "ours") ?? Try(() => JsonSerializer.Deserialize(example.Utf8, t, theirsOptions), "NJsonSchema");
            if (problem is not null)
            {
                excluded.Add($"{example.Definition} ({problem})");
                continue;
            }

            cases.Add((example.Utf8, o, t));
        }

        if (cases.Count == 0)
        {
            throw new InvalidOperationException("No example decodes with both: " + string.Join("; ", excluded.Take(5)));
        }

        long DecodeOurs()
        {
            long n = 0;
            foreach (var c in cases)
            {
                n += JsonSerializer.Deserialize(c.Utf8, c.Ours, oursOptions) is null ? 0 : 1;
            }

            return n;
        }

        long DecodeTheirs()
        {
            long n = 0;
            foreach (var c in cases)
            {
                n += JsonSerializer.Deserialize(c.Utf8, c.Theirs, theirsOptions) is null ? 0 : 1;
            }

            return n;
        }

        var budget = options.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10);
        var paired = Paired.Compare(DecodeOurs, DecodeTheirs, budget);
        var rounds = options.Quick ? 20 : 100;
        double oursBytes = BytesPerRound(DecodeOurs, rounds) / cases.Count;
        double theirsBytes = BytesPerRound(DecodeTheirs, rounds) / cases.Count;

        long totalBytes = cases.Sum(c => (long)c.Utf8.Length);
        string what = $"{cases.Count} of {workload.Examples.Count} GitHub webhook payloads ({Fmt.Bytes(totalBytes / (double)cases.Count)} avg)";
        report.Add(GoalLine.AtLeast("8a", $"decode {what} vs NJsonSchema classes + STJ, per payload",
            Fmt.Ns(paired.OursNs / cases.Count), Fmt.Ns(paired.BaselineNs / cases.Count), paired.Ratio, 2));
        report.Add(GoalLine.AtMost("8b", $"bytes allocated per payload, {what}, vs NJsonSchema classes + STJ (ours/theirs)",
            Fmt.Bytes(oursBytes), Fmt.Bytes(theirsBytes), oursBytes / theirsBytes, 0.5));
        CorpusBreakdown.Run(cases.Select(c => c.Utf8).ToList(), cases.Select(c => JsonSerializer.Deserialize(c.Utf8, c.Ours, oursOptions)!).ToList(), DecodeOurs, budget, theirsBytes, rounds, report);
        string counts = string.Create(CultureInfo.InvariantCulture,
            $"goal 8: {ours.Count} of {definitions.Distinct().Count()} example definitions have a class of ours, {theirs.Count} an NJsonSchema class; the generator reported {generatorErrors} error(s) on the schema; NJsonSchema's output uses {undeclared.Count} class(es) it does not declare ({string.Join(", ", undeclared)}), declared empty; {excluded.Count} payload(s) left out");
        report.Note(counts + (excluded.Count == 0 ? "." : ": " + string.Join("; ", excluded.Take(8)) + (excluded.Count > 8 ? "; ..." : ".")));
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "ours (ProtocolGenerator)", Fmt.Ns(paired.OursNs / cases.Count), Fmt.Bytes(oursBytes) },
            new[] { "NJsonSchema 11.6.2 classes + STJ", Fmt.Ns(paired.BaselineNs / cases.Count), Fmt.Bytes(theirsBytes) },
        };
        Console.WriteLine(Report.Table(new[] { "contender", "per payload", "bytes per payload" }, rows));
    }

    private static string? Try(Func<object?> decode, string who)
    {
        try
        {
            return decode() is null ? who + " decodes null" : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return $"{who}: {e.GetType().Name}: {Shorten(e.Message)}";
        }
    }

    /// <summary>Bytes the calling thread allocates per call of <paramref name="round"/>, after three calls to warm it.</summary>
    internal static double BytesPerRound(Func<long> round, int rounds)
    {
        for (var i = 0; i < 3; i++)
        {
            round();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++)
        {
            round();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)rounds;
    }

    private static string Shorten(string message) => message.Length <= 100 ? message : message[..97] + "...";
}
