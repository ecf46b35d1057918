using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>One entry of tests/golden/expectations.json.</summary>
internal sealed record Expectation(string Schema, bool Valid, string ExpectedType, string? ExpectedError)
{
    public const string FileName = "expectations.json";

    /// <summary>Kind used for a frame whose <c>type</c> no union branch declares (NJsonSchema has no such kind).</summary>
    public const string UnknownType = "UnknownType";

    public static IReadOnlyDictionary<string, Expectation> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.GoldenDir, FileName)));
        var result = new SortedDictionary<string, Expectation>(System.StringComparer.Ordinal);
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            var value = entry.Value;
            result.Add(entry.Name, new Expectation(
                value.GetProperty("schema").GetString()!,
                value.GetProperty("valid").GetBoolean(),
                value.GetProperty("expectedType").GetString()!,
                value.TryGetProperty("expectedError", out var error) ? error.GetString() : null));
        }

        return result;
    }
}
