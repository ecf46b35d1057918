using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.Corpus;

/// <summary>
/// Where goal 8's time goes, for the record next to its ratio: ours against two parts of its own work measured alone on
/// the same payloads, in the same run (paired): a bare <see cref="Utf8JsonReader"/> token pass, and making the
/// <see cref="Uri"/> values the decoded payloads hold from their strings (both contenders type <c>format: uri</c> as
/// <see cref="Uri"/>, so that cost is in both, and the most of any one kind of value).
/// </summary>
public static class CorpusBreakdown
{
    public static void Run(IReadOnlyList<byte[]> payloads, IReadOnlyList<object> decoded, Func<long> ours, TimeSpan budget, Report report)
    {
        var uris = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var value in decoded)
        {
            CollectUris(value, uris, seen);
        }

        long Floor()
        {
            long tokens = 0;
            foreach (var payload in payloads)
            {
                var reader = new Utf8JsonReader(payload);
                while (reader.Read())
                {
                    tokens++;
                }
            }

            return tokens;
        }

        long MakeUris()
        {
            long made = 0;
            foreach (var text in uris)
            {
                made += Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _) ? 1 : 0;
            }

            return made;
        }

        var floor = Paired.Compare(ours, Floor, budget);
        var uri = Paired.Compare(ours, MakeUris, budget);
        string Per(double ns) => Fmt.Ns(ns / payloads.Count);
        report.Add(new GoalLine("8a'", "decode vs a Utf8JsonReader token pass over the same payloads (floor), ours/floor (context for 8a)",
            Per(floor.OursNs), Per(floor.BaselineNs), 1 / floor.Ratio, "report", null));
        report.Add(new GoalLine("8a''", $"share of ours spent making its {uris.Count / (double)payloads.Count:0.#} System.Uri values per payload from their strings (context for 8a)",
            Per(uri.OursNs), Per(uri.BaselineNs), uri.Ratio, "report", null));
    }

    /// <summary>The string of every <see cref="Uri"/> in a decoded value (its public properties, lists and maps).</summary>
    private static void CollectUris(object? value, List<string> uris, HashSet<object> seen)
    {
        switch (value)
        {
            case null or string or JsonElement:
                return;
            case Uri uri:
                uris.Add(uri.OriginalString);
                return;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    CollectUris(entry.Value, uris, seen);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    CollectUris(item, uris, seen);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.IsValueType && type.Namespace == "System" || !seen.Add(value))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                // A kind union's accessor for a kind it does not hold.
                continue;
            }

            CollectUris(member, uris, seen);
        }
    }
}
