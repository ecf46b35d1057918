using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sessions.Engine.Agents;

/// <summary>What the scripted agent reads in a turn's text: which trigger words it holds (whole words, any case).</summary>
internal sealed partial record ScriptScenario
{
    /// <summary>The most deltas <c>count N</c> streams (a guard against a typo that would stream for minutes).</summary>
    public const int MaxCount = 1_000_000;

    public bool Think { get; init; }

    public bool Search { get; init; }

    public string SearchQuery { get; init; } = string.Empty;

    public bool Tool { get; init; }

    public bool Approval { get; init; }

    public bool Reauth { get; init; }

    public bool Status { get; init; }

    public bool Fail { get; init; }

    /// <summary>Stream exactly this many deltas (<c>count N</c>) instead of the echo.</summary>
    public int? Count { get; init; }

    /// <summary>Wait this long before each delta (<c>delay N</c>, milliseconds).</summary>
    public TimeSpan Delay { get; init; }

    public static ScriptScenario Parse(string text)
    {
        var search = SearchPattern().Match(text);
        return new ScriptScenario
        {
            Think = Has(text, "think"),
            Search = search.Success,
            SearchQuery = search.Success && search.Groups[1].Value.Trim() is { Length: > 0 } query ? query : text.Trim(),
            Tool = Has(text, "tool"),
            Approval = Has(text, "approve") || Has(text, "approval"),
            Reauth = Has(text, "reauth"),
            Status = Has(text, "status"),
            Fail = Has(text, "fail"),
            Count = Number(CountPattern().Match(text)) is { } count ? (int)Math.Min(count, MaxCount) : null,
            Delay = Number(DelayPattern().Match(text)) is { } delay ? TimeSpan.FromMilliseconds(Math.Min(delay, 60_000)) : TimeSpan.Zero,
        };
    }

    private static bool Has(string text, string word)
        => Regex.IsMatch(text, @"\b" + word + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static long? Number(Match match)
        => match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"\bsearch\b(?:\s+for)?([^\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchPattern();

    [GeneratedRegex(@"\bcount\s+(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\bdelay\s+(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelayPattern();
}
