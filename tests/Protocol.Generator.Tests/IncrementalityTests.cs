using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The pipeline caches: unrelated edits and whitespace-only schema edits regenerate nothing, an edit of one schema file
/// regenerates only that file's types, an edit of one type only that type's source, and no step holds Roslyn symbols,
/// syntax, compilations or locations.
/// </summary>
public sealed class IncrementalityTests
{
    private const string AardvarkPath = TestPaths.VirtualRepoRoot + "/schema/aardvark.schema.json";
    private const string ZebraPath = TestPaths.VirtualRepoRoot + "/schema/zebra.schema.json";

    private const string AardvarkSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "AardvarkBurrow": {
              "type": "object",
              "properties": {
                "depth": { "type": "number" },
                "aardvarkName": { "type": "string" }
              },
              "required": [ "depth" ]
            }
          }
        }
        """;

    private const string ZebraSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "ZebraStripe": {
              "type": "object",
              "properties": {
                "width": { "type": "number" },
                "zebraColor": { "type": "string" }
              },
              "required": [ "width" ]
            }
          }
        }
        """;

    /// <summary>The step names the generator declares (every public constant of <see cref="TrackingNames"/>).</summary>
    public static IReadOnlyList<string> OurStepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void EveryTrackingName_IsATrackedStep()
    {
        Assert.Equal(4, new[] { TrackingNames.SchemaFiles, TrackingNames.ParsedSchemas, TrackingNames.ProtocolModel, TrackingNames.GeneratedTypes }.Distinct(StringComparer.Ordinal).Count());
        GeneratorRun run = GeneratorHarness.Run(TestSchemas.CopilotUnion).AssertNoException();

        foreach (string step in OurStepNames)
        {
            Assert.True(run.Result.TrackedSteps.ContainsKey(step), $"Step '{step}' was not tracked. Tracked: {string.Join(", ", run.Result.TrackedSteps.Keys)}");
        }
    }

    [Fact]
    public void AddingAnUnrelatedSyntaxTree_LeavesEveryStepCachedOrUnchanged_AndTheOutputAlike()
    {
        List<SchemaInput> schemas = TestSchemas.CopilotUnion.Concat(TestSchemas.Nullability).ToList();
        Compilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(schemas), compilation).AssertNoException();

        Compilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer { internal static class Unrelated { internal const int Answer = 42; } }",
            GeneratorHarness.LatestParseOptions,
            path: "/consumer/Unrelated.cs"));
        GeneratorRun second = GeneratorHarness.Run(first.Driver, edited).AssertNoException();

        AssertSameSources(first, second);
        AssertAllOutputs(second, OurStepNames, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        foreach ((string name, ImmutableArray<IncrementalGeneratorRunStep> steps) in second.Result.TrackedOutputSteps)
        {
            AssertReasons($"output step {name}", steps, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
    }

    [Fact]
    public void WhitespaceOnlySchemaEdit_RegeneratesNothing()
    {
        SchemaInput original = TestSchemas.CopilotUnion.Single();
        AdditionalText originalText = original.ToAdditionalText();
        Compilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { originalText }, GeneratorHarness.CreateOptionsProvider(new[] { original }));
        GeneratorRun first = GeneratorHarness.Run(driver, compilation).AssertNoException();

        string reformatted = JsonText.Reformat(original.Text);
        Assert.NotEqual(original.Text, reformatted);
        GeneratorRun second = GeneratorHarness.Run(
            first.Driver.ReplaceAdditionalText(originalText, new InMemoryAdditionalText(original.Path, reformatted)),
            compilation).AssertNoException();

        AssertSameSources(first, second);
        Assert.True(
            second.Result.TrackedSteps.Values.SelectMany(steps => steps).SelectMany(step => step.Outputs)
                .Any(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New),
            "The edit was not seen by any step; the test did not exercise anything.");
        AssertAllOutputs(second, new[] { TrackingNames.GeneratedTypes }, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void EditingOneOfTwoSchemaFiles_RegeneratesOnlyThatFile()
    {
        var aardvark = new SchemaInput(AardvarkPath, AardvarkSchema);
        var zebra = new SchemaInput(ZebraPath, ZebraSchema);
        AdditionalText aardvarkText = aardvark.ToAdditionalText();
        Compilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(
            new[] { aardvarkText, zebra.ToAdditionalText() },
            GeneratorHarness.CreateOptionsProvider(new[] { aardvark, zebra }));
        GeneratorRun first = GeneratorHarness.Run(driver, compilation).AssertNoException();

        string edited = AardvarkSchema.Replace(
            "\"aardvarkName\": { \"type\": \"string\" }",
            "\"aardvarkName\": { \"type\": \"string\" },\n        \"aardvarkAge\": { \"type\": \"integer\" }",
            StringComparison.Ordinal);
        Assert.NotEqual(AardvarkSchema, edited);
        GeneratorRun second = GeneratorHarness.Run(
            first.Driver.ReplaceAdditionalText(aardvarkText, new InMemoryAdditionalText(AardvarkPath, edited)),
            compilation).AssertNoException();

        // The generated text: the zebra file's sources are the same, the aardvark file's changed.
        Assert.Contains("AardvarkAge", second.AllText, StringComparison.Ordinal);
        string[] zebraHints = first.Sources.Where(s => s.Text.Contains("ZebraStripe", StringComparison.Ordinal)).Select(s => s.HintName).ToArray();
        Assert.NotEmpty(zebraHints);
        foreach (string hint in zebraHints)
        {
            Assert.DoesNotContain("Aardvark", first.SourcesByHintName[hint], StringComparison.Ordinal);
            Assert.Equal(first.SourcesByHintName[hint], second.SourcesByHintName[hint]);
        }

        // The tracked step: one output per file, told apart by the strings its value holds.
        IncrementalGeneratorRunStep[] steps = StepsOf(second, TrackingNames.GeneratedTypes);
        var zebraOutputs = new List<IncrementalStepRunReason>();
        var aardvarkOutputs = new List<IncrementalStepRunReason>();
        foreach ((object value, IncrementalStepRunReason reason) in steps.SelectMany(step => step.Outputs))
        {
            List<string> strings = ObjectGraphWalker.CollectStrings(value);
            bool isZebra = strings.Any(s => s.Contains("Zebra", StringComparison.OrdinalIgnoreCase));
            bool isAardvark = strings.Any(s => s.Contains("Aardvark", StringComparison.OrdinalIgnoreCase));
            Assert.False(isZebra && isAardvark, $"An output of {TrackingNames.GeneratedTypes} mixes both files, so one file's edit regenerates both: {value}");
            (isZebra ? zebraOutputs : isAardvark ? aardvarkOutputs : new List<IncrementalStepRunReason>()).Add(reason);
        }

        Assert.NotEmpty(zebraOutputs);
        Assert.NotEmpty(aardvarkOutputs);
        Assert.All(zebraOutputs, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"zebra output was {reason}"));
        Assert.Contains(IncrementalStepRunReason.Modified, aardvarkOutputs);
    }

    [Fact]
    public void EditingOneType_ReEmitsOnlyThatType()
    {
        const string Schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Burrow": {
                  "type": "object",
                  "properties": { "depth": { "type": "number" }, "entrance": { "$ref": "#/$defs/Entrance" } },
                  "required": [ "depth" ]
                },
                "Entrance": {
                  "type": "object",
                  "properties": { "width": { "type": "number" } }
                },
                "Soil": { "enum": [ "clay", "sand" ] }
              }
            }
            """;
        var original = new SchemaInput(AardvarkPath, Schema);
        AdditionalText originalText = original.ToAdditionalText();
        Compilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { originalText }, GeneratorHarness.CreateOptionsProvider(new[] { original }));
        GeneratorRun first = GeneratorHarness.Run(driver, compilation).AssertNoException();

        string edited = Schema.Replace("\"width\": { \"type\": \"number\" }", "\"width\": { \"type\": \"number\" }, \"height\": { \"type\": \"number\" }", StringComparison.Ordinal);
        Assert.NotEqual(Schema, edited);
        GeneratorRun second = GeneratorHarness.Run(
            first.Driver.ReplaceAdditionalText(originalText, new InMemoryAdditionalText(AardvarkPath, edited)),
            compilation).AssertNoException();

        // One source per type, named by namespace and type: the edited type's source changed, every other is as it was.
        Assert.Equal(first.Sources.Select(s => s.HintName), second.Sources.Select(s => s.HintName));
        Assert.Contains("Sessions.Tests.Generated.Entrance.g.cs", first.SourcesByHintName.Keys);
        foreach (GeneratedFile source in first.Sources)
        {
            if (source.HintName == "Sessions.Tests.Generated.Entrance.g.cs")
            {
                Assert.NotEqual(source.Text, second.SourcesByHintName[source.HintName]);
            }
            else
            {
                Assert.Equal(source.Text, second.SourcesByHintName[source.HintName]);
            }
        }

        // The step that feeds the emitter: one output per type; only the edited type's is Modified, the rest Unchanged.
        var reasons = new Dictionary<string, IncrementalStepRunReason>(StringComparer.Ordinal);
        foreach ((object value, IncrementalStepRunReason reason) in StepsOf(second, TrackingNames.GeneratedTypes).SelectMany(step => step.Outputs))
        {
            reasons.Add(Assert.IsType<Schema.Model.GeneratedTypeFile>(value).Type.Name, reason);
        }

        Assert.Equal(new[] { "Burrow", "Entrance", "Soil" }, reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["Entrance"]);
        Assert.All(reasons.Where(r => r.Key != "Entrance"), r => Assert.True(
            r.Value is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Key} was {r.Value}, so its source was printed again."));
    }

    [Fact]
    public void TrackedStepValues_HoldNoSymbolsSyntaxCompilationsOrLocations()
    {
        List<SchemaInput> schemas = TestSchemas.CopilotUnion.Concat(TestSchemas.CrossFile).Concat(TestSchemas.Enums).ToList();
        Compilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(schemas), compilation).AssertNoException();
        GeneratorRun second = GeneratorHarness.Run(
            first.Driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.LatestParseOptions))).AssertNoException();

        var offenders = new List<string>();
        int valuesSeen = 0;
        foreach (GeneratorRun run in new[] { first, second })
        {
            foreach (string stepName in OurStepNames)
            {
                IncrementalGeneratorRunStep[] steps = StepsOf(run, stepName);
                for (int s = 0; s < steps.Length; s++)
                {
                    for (int o = 0; o < steps[s].Outputs.Length; o++)
                    {
                        valuesSeen++;
                        ObjectGraphWalker.Walk(steps[s].Outputs[o].Value, $"{stepName}[{s}].Outputs[{o}]", (value, path) =>
                        {
                            if (value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location)
                            {
                                offenders.Add($"{path}: {value.GetType().FullName}");
                            }
                        });
                    }
                }
            }
        }

        Assert.True(valuesSeen > 0, "No tracked output values were inspected.");
        Assert.True(offenders.Count == 0, "Tracked step values hold Roslyn objects (they defeat caching and keep compilations alive):\n" + string.Join("\n", offenders.Distinct().Take(50)));
    }

    private static IncrementalGeneratorRunStep[] StepsOf(GeneratorRun run, string stepName)
    {
        Assert.True(
            run.Result.TrackedSteps.TryGetValue(stepName, out ImmutableArray<IncrementalGeneratorRunStep> steps),
            $"Step '{stepName}' was not tracked. Tracked: {string.Join(", ", run.Result.TrackedSteps.Keys)}");
        return steps.ToArray();
    }

    private static void AssertAllOutputs(GeneratorRun run, IEnumerable<string> stepNames, params IncrementalStepRunReason[] allowed)
    {
        foreach (string stepName in stepNames)
        {
            AssertReasons($"step {stepName}", StepsOf(run, stepName), allowed);
        }
    }

    private static void AssertReasons(string what, IEnumerable<IncrementalGeneratorRunStep> steps, params IncrementalStepRunReason[] allowed)
    {
        var wrong = new StringBuilder();
        int index = 0;
        foreach (IncrementalGeneratorRunStep step in steps)
        {
            foreach ((object value, IncrementalStepRunReason reason) in step.Outputs)
            {
                if (Array.IndexOf(allowed, reason) < 0)
                {
                    wrong.Append("  ").Append(what).Append(" #").Append(index).Append(": ").Append(reason).Append(" — ").Append(value).Append('\n');
                }
            }

            index++;
        }

        Assert.True(wrong.Length == 0, $"Expected only {string.Join("/", allowed)}, got:\n{wrong}");
    }

    private static void AssertSameSources(GeneratorRun first, GeneratorRun second)
    {
        Assert.Equal(first.Sources.Select(s => s.HintName), second.Sources.Select(s => s.HintName));
        foreach (GeneratedFile source in first.Sources)
        {
            Assert.Equal(source.Text, second.SourcesByHintName[source.HintName]);
        }
    }
}
