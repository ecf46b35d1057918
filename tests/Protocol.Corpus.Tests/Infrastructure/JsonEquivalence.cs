using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>
/// Whether two JSON texts mean the same: property order does not count, a property whose value is null means the
/// same as one left out, numbers compare by value (<c>1.0</c> = <c>1</c>), and a date-time string compares by the
/// instant it names (<c>Z</c> = <c>+00:00</c>). Everything else must be equal. Returns where they first differ.
/// </summary>
/// <remarks>
/// Hand-written because the difference has to be reported as a path (a 5 KB webhook payload is unreadable whole);
/// the rules are those of tests/Sessions.Protocol.Conformance.Tests/JsonMeaning.cs, which is internal to that project.
/// </remarks>
public static class JsonEquivalence
{
    /// <summary>The first difference as <c>path: expected ..., got ...</c>, or null when they mean the same.</summary>
    public static string? FirstDifference(string expectedJson, string actualJson) =>
        FirstDifference(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson), "$");

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (string name in e.Where(p => p.Value is not null).Select(p => p.Key).Union(a.Where(p => p.Value is not null).Select(p => p.Key)).OrderBy(n => n, StringComparer.Ordinal))
                {
                    JsonNode? ev = e[name];
                    JsonNode? av = a[name];
                    string child = path + "." + name;
                    if (ev is null)
                    {
                        return $"{child}: not in the input, but written as {Show(av)}";
                    }

                    if (av is null)
                    {
                        return $"{child}: {Show(ev)} in the input, missing from the output";
                    }

                    if (FirstDifference(ev, av, child) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path}: {e.Count} item(s) in the input, {a.Count} in the output";
                }

                for (int i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a) when SameValue(e, a):
                return null;
            default:
                return $"{path}: {Show(expected)} in the input, {Show(actual)} in the output";
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        JsonValueKind kind = expected.GetValueKind();
        if (kind != actual.GetValueKind())
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                string e = expected.ToJsonString();
                string a = actual.ToJsonString();
                return e == a
                    || (decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal de)
                        && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal da) && de == da)
                    || (double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out double fe)
                        && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double fa) && fe.Equals(fa));
            case JsonValueKind.String:
                string se = expected.GetValue<string>();
                string sa = actual.GetValue<string>();
                return se == sa || (AsInstant(se) is { } ie && AsInstant(sa) is { } ia && ie == ia);
            default:
                return expected.ToJsonString() == actual.ToJsonString();
        }
    }

    // An RFC 3339 date-time ("2019-05-15T15:20:33Z"), as the instant it names; null for any other string.
    private static DateTimeOffset? AsInstant(string text) =>
        text.Length >= 20 && text[4] == '-' && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset instant)
            ? instant
            : null;

    private static string Show(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
