using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.Corpus;

/// <summary>One published example payload: the definition it is an instance of, and its UTF-8 JSON.</summary>
public sealed record CorpusExample(string Definition, byte[] Utf8);

/// <summary>A schema of the test corpus (tests/Protocol.Corpus.Tests/Schemas) with its examples.</summary>
public sealed record CorpusWorkload(string Name, string SchemaText, IReadOnlyList<CorpusExample> Examples)
{
    /// <summary>The schema the goal uses: GitHub's webhook events, whose examples are published with it (138 payloads).</summary>
    public const string GoalSchema = "github-webhooks";

    public static CorpusWorkload Load(string name)
    {
        string folder = Path.Combine(RepoPaths.Root, "tests", "Protocol.Corpus.Tests", "Schemas", name);
        string schema = File.ReadAllText(Path.Combine(folder, name + ".schema.json"));
        var examples = new List<CorpusExample>();
        var file = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name + ".examples.json")))!;
        foreach (var (definition, instances) in file)
        {
            foreach (JsonNode? instance in (JsonArray)instances!)
            {
                examples.Add(new CorpusExample(definition, Encoding.UTF8.GetBytes(instance!.ToJsonString())));
            }
        }

        return new CorpusWorkload(name, schema, examples);
    }

    /// <summary>A name reduced to letters and digits, lower case: how a definition is matched with a generated class.</summary>
    public static string NameKey(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The public class of <paramref name="types"/> named like each definition (letters and digits, any case).</summary>
    public static IReadOnlyDictionary<string, Type> TypesByDefinition(IEnumerable<string> definitions, IEnumerable<Type> types)
    {
        var byKey = types.GroupBy(t => NameKey(t.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (string definition in definitions.Distinct())
        {
            if (byKey.TryGetValue(NameKey(definition), out Type? type))
            {
                map[definition] = type;
            }
        }

        return map;
    }
}
