using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.Corpus;

/// <summary>
/// Where goal 8's time and bytes go, for the record next to its ratios: ours against two parts of its own work measured
/// alone on the same payloads, in the same run (paired): a bare <see cref="Utf8JsonReader"/> token pass, making the
/// <see cref="Uri"/> values the decoded payloads hold from their strings (both contenders type <c>format: uri</c> as
/// <see cref="Uri"/>, so that cost is in both, and the most of any one kind of value), and making the strings themselves
/// from their UTF-8 bytes. For bytes: what making just the
/// strings the decoded payloads hold allocates (strings as such, and those the <see cref="Uri"/> values keep), against
/// NJsonSchema's bytes: the floor of any decoder that gives them to its user as .NET strings, as goal 8b's target is.
/// </summary>
public static class CorpusBreakdown
{
    public static void Run(IReadOnlyList<byte[]> payloads, IReadOnlyList<object> decoded, Func<long> ours, TimeSpan budget, double theirsBytesPerPayload, int bytesRounds, Report report)
    {
        var uris = new List<string>();
        var strings = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var value in decoded)
        {
            Collect(value, uris, strings, seen);
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

        // Every string a decoded payload holds, as its UTF-8 bytes, made again: the same strings, each allocated once,
        // the cheapest way ours knows (an all-ASCII value widened in one copy, as the generated helpers do).
        var utf8 = strings.Concat(uris).Select(Encoding.UTF8.GetBytes).ToList();
        long MakeStrings()
        {
            long chars = 0;
            foreach (var bytes in utf8)
            {
                chars += (Ascii.IsValid(bytes) ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes)).Length;
            }

            return chars;
        }

        var floor = Paired.Compare(ours, Floor, budget);
        var uri = Paired.Compare(ours, MakeUris, budget);
        string Per(double ns) => Fmt.Ns(ns / payloads.Count);
        report.Add(new GoalLine("8a'", "decode vs a Utf8JsonReader token pass over the same payloads (floor), ours/floor (context for 8a)",
            Per(floor.OursNs), Per(floor.BaselineNs), 1 / floor.Ratio, "report", null));
        report.Add(new GoalLine("8a''", $"share of ours spent making its {uris.Count / (double)payloads.Count:0.#} System.Uri values per payload from their strings (context for 8a)",
            Per(uri.OursNs), Per(uri.BaselineNs), uri.Ratio, "report", null));
        var made = Paired.Compare(ours, MakeStrings, budget);
        report.Add(new GoalLine("8a'''", $"share of ours spent making the {utf8.Count / (double)payloads.Count:0.#} strings per payload its decoded payloads hold (the Uri values' included) from their UTF-8 bytes (context for 8a)",
            Per(made.OursNs), Per(made.BaselineNs), made.Ratio, "report", null));
        double stringBytes = CorpusGoal.BytesPerRound(MakeStrings, bytesRounds) / payloads.Count;
        report.Add(new GoalLine("8b'", $"bytes of only the {utf8.Count / (double)payloads.Count:0.#} strings per payload the decoded payloads hold ({uris.Count / (double)payloads.Count:0.#} of them in System.Uri values), allocated once each, vs NJsonSchema classes + STJ: the floor of any decoder that materialises them (context for 8b)",
            Fmt.Bytes(stringBytes), Fmt.Bytes(theirsBytesPerPayload), stringBytes / theirsBytesPerPayload, "report", null));
    }

    /// <summary>
    /// The string of every <see cref="Uri"/> in a decoded value, and every other string decoding made for it (its public
    /// properties, lists and maps; not the keys of maps, which decoders make alike whatever their value types).
    /// </summary>
    private static void Collect(object? value, List<string> uris, List<string> strings, HashSet<object> seen)
    {
        switch (value)
        {
            case null or JsonElement:
                return;
            case string text:
                // A literal of the generated code (a known enum value's wire string, a const) is the interned instance
                // itself, shared, not made by decoding: not part of the floor.
                if (!ReferenceEquals(string.IsInterned(text), text))
                {
                    strings.Add(text);
                }

                return;
            case Uri uri:
                uris.Add(uri.OriginalString);
                return;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    Collect(entry.Value, uris, strings, seen);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, uris, strings, seen);
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

            Collect(member, uris, strings, seen);
        }
    }
}
