using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>One valid instance of a definition, from an examples file.</summary>
/// <param name="Definition">The definition it is listed under (<c>#</c> for the root).</param>
/// <param name="Index">Its position in that list.</param>
/// <param name="Json">Its JSON text.</param>
public sealed record Example(string Definition, int Index, string Json)
{
    /// <summary>How failure messages name it.</summary>
    public string Label => $"{Definition}[{Index}]";
}

/// <summary>Reads examples files: <c>{ "&lt;definition&gt;": [ instance, ... ] }</c>.</summary>
public static class ExampleSet
{
    /// <summary>Every example of the file, in file order.</summary>
    public static IReadOnlyList<Example> Parse(string text)
    {
        var examples = new List<Example>();
        JsonObject file = JsonNode.Parse(text) as JsonObject ?? throw new ArgumentException("An examples file must be a JSON object.", nameof(text));
        foreach (KeyValuePair<string, JsonNode?> entry in file)
        {
            if (entry.Value is not JsonArray instances)
            {
                throw new ArgumentException($"The examples of '{entry.Key}' must be a JSON array.", nameof(text));
            }

            for (int i = 0; i < instances.Count; i++)
            {
                examples.Add(new Example(entry.Key, i, instances[i]?.ToJsonString() ?? "null"));
            }
        }

        return examples;
    }
}
