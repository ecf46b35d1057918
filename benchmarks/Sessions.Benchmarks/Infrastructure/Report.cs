using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>One checked (or only reported) figure: ours, the baseline, their ratio and the goal's bound.</summary>
/// <param name="Goal">The goal's number and letter, e.g. <c>1a</c>.</param>
/// <param name="What">What is compared, in a few words.</param>
/// <param name="Figure">Our figure, with its unit.</param>
/// <param name="Baseline">The baseline's figure, with its unit and name.</param>
/// <param name="Ratio">The ratio, oriented as <paramref name="Target"/> states it.</param>
/// <param name="Target">The bound, e.g. <c>&gt;= 2.00x</c>; or <c>report</c>.</param>
/// <param name="Met">Whether the bound holds; null when the goal only asks for the figure.</param>
public sealed record GoalLine(string Goal, string What, string Figure, string Baseline, double Ratio, string Target, bool? Met)
{
    /// <summary>The numeric bound of <see cref="Target"/>, when it has one.</summary>
    public double Bound { get; init; } = double.NaN;

    /// <summary>Two decimals; three when two would print the bound itself (a 1.997x that misses a 2.00x bound).</summary>
    public string RatioText => double.IsNaN(Ratio)
        ? "n/a"
        : Ratio.ToString(Ratio >= 100 ? "0" : !double.IsNaN(Bound) && Math.Abs(Ratio - Bound) < 0.005 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "x";

    public string Verdict => Met switch { true => "met", false => "NOT MET", null => "reported" };

    public static GoalLine AtLeast(string goal, string what, string figure, string baseline, double ratio, double bound) =>
        new(goal, what, figure, baseline, ratio, ">= " + bound.ToString("0.00", CultureInfo.InvariantCulture) + "x", !double.IsNaN(ratio) && ratio >= bound) { Bound = bound };

    public static GoalLine AtMost(string goal, string what, string figure, string baseline, double ratio, double bound) =>
        new(goal, what, figure, baseline, ratio, "<= " + bound.ToString("0.00", CultureInfo.InvariantCulture) + "x", !double.IsNaN(ratio) && ratio <= bound) { Bound = bound };
}

/// <summary>Everything one run found: the goal lines, detail tables and notes, for the console and RESULTS.md.</summary>
public sealed class Report
{
    private readonly List<GoalLine> _lines = new();
    private readonly List<(string Title, string Markdown)> _details = new();
    private readonly List<string> _notes = new();

    /// <summary>The lines in goal order (1a, 1b, ... 7c), each workload's lines kept in the order they were measured.</summary>
    public IReadOnlyList<GoalLine> Lines => _lines.OrderBy(l => l.Goal[0]).ToList();

    public IReadOnlyList<(string Title, string Markdown)> Details => _details;

    public IReadOnlyList<string> Notes => _notes;

    public void Add(GoalLine line)
    {
        _lines.Add(line);
        Console.WriteLine(">> " + Format(line));
    }

    public void Detail(string title, string markdown) => _details.Add((title, markdown));

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("!! " + note);
    }

    public static string Format(GoalLine line) => string.Format(
        CultureInfo.InvariantCulture,
        "goal {0,-3} {1}: {2} vs {3} = {4} (goal {5}) {6}",
        line.Goal, line.What, line.Figure, line.Baseline, line.RatioText, line.Target, line.Verdict);

    /// <summary>A Markdown table from a header and rows.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", header)).AppendLine(" |");
        sb.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).AppendLine();
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal)))).AppendLine(" |");
        }

        return sb.ToString();
    }
}

/// <summary>Number formatting shared by the goals.</summary>
public static class Fmt
{
    public static string Ns(double ns) => ns switch
    {
        >= 1_000_000 => (ns / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 10_000 => (ns / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " us",
        >= 1_000 => (ns / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " us",
        _ => ns.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    public static string Bytes(double bytes) => bytes switch
    {
        >= 10 * 1024 * 1024 => (bytes / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 10 * 1024 => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
    };

    public static string Num(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
