using System;
using System.Collections.Generic;
using System.Linq;
using Sessions.Benchmarks.Infrastructure;
using Sessions.Benchmarks.Workloads;

namespace Sessions.Benchmarks.Codec;

/// <summary>Goals 1 (decode) and 2 (encode): BenchmarkDotNet runs, then the ratios the issue asks for.</summary>
public static class CodecGoals
{
    public static void Decode(BenchOptions options, Report report)
    {
        CodecChecks.Run();
        var results = Bdn.Run<DecodeBenchmarks>(options);
        var rows = new List<IReadOnlyList<string>>();
        var pairedRows = new List<IReadOnlyList<string>>();
        foreach (var workload in Enum.GetValues<DecodeWorkload>())
        {
            var frames = DecodeBenchmarks.FramesOf(workload).Length;
            var name = workload.ToString();
            var label = workload == DecodeWorkload.Turn ? "turn" : "64 KiB";
            Measured Per(string method)
            {
                var m = results.Get(method, name);
                return m with { MeanNs = m.MeanNs / frames, ErrorNs = m.ErrorNs / frames, AllocatedBytes = m.AllocatedBytes / frames };
            }

            var ours = Per(nameof(DecodeBenchmarks.Generated));
            var reflection = Per(nameof(DecodeBenchmarks.StjReflection));
            var sourceGen = Per(nameof(DecodeBenchmarks.StjSourceGen));
            var node = Per(nameof(DecodeBenchmarks.JsonNodeDict));
            var floor = Per(nameof(DecodeBenchmarks.ReaderFloor));
            var floorStrings = Per(nameof(DecodeBenchmarks.ReaderFloorWithStrings));

            foreach (var m in new[] { ours, reflection, sourceGen, node, floor, floorStrings })
            {
                rows.Add(new[]
                {
                    label, m.Method, Fmt.Ns(m.MeanNs), "± " + Fmt.Ns(m.ErrorNs), Fmt.Bytes(m.AllocatedBytes),
                    Fmt.Ratio(m.MeanNs / ours.MeanNs), Fmt.Ratio(m.AllocatedBytes / ours.AllocatedBytes),
                });
            }

            // Time ratios: paired, interleaved sampling (see Paired); per event.
            var bench = new DecodeBenchmarks { Workload = workload };
            bench.Setup();
            var budget = options.Quick ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromSeconds(6);
            Paired.Result Pair(Func<long> baseline) => Paired.Compare(bench.Generated, baseline, budget);
            var pReflection = Pair(bench.StjReflection);
            var pSourceGen = Pair(bench.StjSourceGen);
            var pNode = Pair(bench.JsonNodeDict);
            var pFloor = Pair(bench.ReaderFloor);
            var pFloorStrings = Pair(bench.ReaderFloorWithStrings);
            string Ev(double ns) => Fmt.Ns(ns / frames);

            // The 64 KiB payload is a public JsonElement, which costs what any JsonElement costs: its speed goals against
            // System.Text.Json were retired (issue 11) and are reported only; what it is held to is 1h below.
            var retired = workload == DecodeWorkload.ToolResult64K;
            GoalLine AtLeast(string goal, string what, string figure, string baseline, double ratio, double bound) =>
                retired ? new GoalLine(goal, what + " (retired goal)", figure, baseline, ratio, "report", null) : GoalLine.AtLeast(goal, what, figure, baseline, ratio, bound);
            GoalLine AtMost(string goal, string what, string figure, string baseline, double ratio, double bound) =>
                retired ? new GoalLine(goal, what + " (retired goal)", figure, baseline, ratio, "report", null) : GoalLine.AtMost(goal, what, figure, baseline, ratio, bound);
            report.Add(AtLeast("1a", $"decode {label} vs STJ polymorphic (reflection), per event", Ev(pReflection.OursNs), Ev(pReflection.BaselineNs), pReflection.Ratio, 2));
            report.Add(AtLeast("1b", $"decode {label} vs STJ polymorphic (source-gen), per event", Ev(pSourceGen.OursNs), Ev(pSourceGen.BaselineNs), pSourceGen.Ratio, 2));
            report.Add(AtLeast("1c", $"decode {label} vs JsonNode, per event", Ev(pNode.OursNs), Ev(pNode.BaselineNs), pNode.Ratio, 2));
            report.Add(AtMost("1d", $"decode {label} vs Utf8JsonReader token pass (floor), ours/floor", Ev(pFloor.OursNs), Ev(pFloor.BaselineNs), 1 / pFloor.Ratio, 2));
            report.Add(new GoalLine("1d'", $"decode {label} vs floor + a string per string value, ours/that (context for 1d)", Ev(pFloorStrings.OursNs), Ev(pFloorStrings.BaselineNs), 1 / pFloorStrings.Ratio, "report", null));
            if (retired)
            {
                var pDocument = Pair(bench.CopyAndParseDocument);
                report.Add(GoalLine.AtMost("1h", $"decode {label} vs copying the frame and JsonDocument.Parse on it (the least a JsonElement can cost), ours/that", Ev(pDocument.OursNs), Ev(pDocument.BaselineNs), 1 / pDocument.Ratio, 1.1));
            }

            pairedRows.Add(new[]
            {
                label, Fmt.Ratio(pReflection.Ratio), Fmt.Ratio(pSourceGen.Ratio), Fmt.Ratio(pNode.Ratio), Fmt.Ratio(pFloor.Ratio), Fmt.Ratio(pFloorStrings.Ratio),
                pReflection.Pairs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var oursBytes = Fmt.Bytes(ours.AllocatedBytes) + "/event";
            report.Add(AtMost("1e", $"bytes/event {label} vs STJ reflection (ours/STJ)", oursBytes, Fmt.Bytes(reflection.AllocatedBytes), ours.AllocatedBytes / reflection.AllocatedBytes, 0.5));
            report.Add(AtMost("1f", $"bytes/event {label} vs STJ source-gen (ours/STJ)", oursBytes, Fmt.Bytes(sourceGen.AllocatedBytes), ours.AllocatedBytes / sourceGen.AllocatedBytes, 0.5));

            // Own objects: allocated vs retained while the events are held.
            var rounds = workload == DecodeWorkload.Turn ? (options.Quick ? 200 : 1000) : (options.Quick ? 40 : 200);
            var probe = AllocationProbe.Generated(DecodeBenchmarks.FramesOf(workload), rounds);
            var stjProbe = AllocationProbe.StjSourceGen(DecodeBenchmarks.FramesOf(workload), rounds);
            // Bound 1.01: the snapshot of live bytes is exact to well under 1% at these counts (the 64 KiB case reads 1.00).
            report.Add(GoalLine.AtMost(
                "1g",
                $"bytes allocated/event {label} vs the event's own objects (retained while held), allocated/retained",
                Fmt.Bytes(probe.AllocatedPerEvent),
                Fmt.Bytes(probe.RetainedPerEvent) + " retained (" + Fmt.Num(probe.GarbagePerEvent, "0.0") + " B garbage)",
                probe.AllocatedPerEvent / probe.RetainedPerEvent,
                1.01));
            report.Detail(
                $"Goal 1g: allocated vs retained per event ({label}, {rounds} rounds, events kept alive)",
                Report.Table(
                    new[] { "decoder", "allocated/event", "retained/event", "garbage/event" },
                    new[]
                    {
                        new[] { "Generated (ours)", Fmt.Bytes(probe.AllocatedPerEvent), Fmt.Bytes(probe.RetainedPerEvent), Fmt.Bytes(probe.GarbagePerEvent) },
                        new[] { "STJ source-gen", Fmt.Bytes(stjProbe.AllocatedPerEvent), Fmt.Bytes(stjProbe.RetainedPerEvent), Fmt.Bytes(stjProbe.GarbagePerEvent) },
                    }));
        }

        report.Detail(
            "Goal 1: decode, per event, BenchmarkDotNet (one method after another: absolute times move with other load on the machine; the allocations do not) (" + RecordedTurn.Describe() + "; 64 KiB = one tool_result of " + RecordedTurn.LargeToolResult.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes)",
            Report.Table(new[] { "workload", "method", "median/event", "std. error of mean", "allocated/event", "time vs ours", "alloc vs ours" }, rows));
        report.Detail(
            "Goal 1: paired ratios, time of each baseline / time of ours (interleaved slices; the goal lines use these)",
            Report.Table(new[] { "workload", "STJ reflection", "STJ source-gen", "JsonNode", "reader floor", "floor + strings", "pairs" }, pairedRows));
    }

    public static void Encode(BenchOptions options, Report report)
    {
        CodecChecks.Run();
        var results = Bdn.Run<EncodeBenchmarks>(options);
        var frames = ClientFrames.Ours.Length;
        Measured Per(string method)
        {
            var m = results.Get(method);
            return m with { MeanNs = m.MeanNs / frames, ErrorNs = m.ErrorNs / frames, AllocatedBytes = m.AllocatedBytes / frames };
        }

        var ours = Per(nameof(EncodeBenchmarks.Generated));
        var reflection = Per(nameof(EncodeBenchmarks.StjReflection));
        var sourceGen = Per(nameof(EncodeBenchmarks.StjSourceGen));
        var toBytes = Per(nameof(EncodeBenchmarks.StjReflectionToBytes));
        var bench = new EncodeBenchmarks();
        bench.Setup();
        var budget = options.Quick ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromSeconds(6);
        var pReflection = Paired.Compare(() => bench.Generated(), () => bench.StjReflection(), budget);
        var pSourceGen = Paired.Compare(() => bench.Generated(), () => bench.StjSourceGen(), budget);
        var pToBytes = Paired.Compare(() => bench.Generated(), () => bench.StjReflectionToBytes(), budget);
        bench.Cleanup();
        string Fr(double ns) => Fmt.Ns(ns / frames);
        report.Add(GoalLine.AtLeast("2a", "encode vs STJ reflection (same pooled writer), per frame", Fr(pReflection.OursNs), Fr(pReflection.BaselineNs), pReflection.Ratio, 2));
        report.Add(GoalLine.AtLeast("2b", "encode vs STJ reflection SerializeToUtf8Bytes, per frame", Fr(pToBytes.OursNs), Fr(pToBytes.BaselineNs), pToBytes.Ratio, 2));
        report.Add(new GoalLine("2a'", "encode vs STJ source-gen (same pooled writer), per frame", Fr(pSourceGen.OursNs), Fr(pSourceGen.BaselineNs), pSourceGen.Ratio, "report", null));
        report.Add(new GoalLine("2c", "encode allocations beyond the pooled buffer", Fmt.Bytes(ours.AllocatedBytes) + "/frame",
            Fmt.Bytes(reflection.AllocatedBytes) + " (STJ reflection)", double.NaN, "0 B", ours.AllocatedBytes == 0));
        report.Detail(
            "Goal 2: encode, per frame, BenchmarkDotNet (absolute times move with other load; the goal lines use paired ratios) (create_session with metadata, post_message text, post_message file + references, send_response with confirm, ping)",
            Report.Table(
                new[] { "method", "median/frame", "std. error of mean", "allocated/frame", "time vs ours" },
                new[] { ours, reflection, sourceGen, toBytes }.Select(m => (IReadOnlyList<string>)new[]
                {
                    m.Method, Fmt.Ns(m.MeanNs), "± " + Fmt.Ns(m.ErrorNs), Fmt.Bytes(m.AllocatedBytes), Fmt.Ratio(m.MeanNs / ours.MeanNs),
                })));
    }
}
