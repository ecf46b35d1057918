using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The generated text depends only on what the schemas mean: not on the culture, not on the order of keywords inside a
/// schema object, of <c>$defs</c>/<c>definitions</c> entries, of <c>required</c> entries or of the additional files.
/// The order of <c>properties</c> IS meaningful: it orders the generated members.
/// </summary>
public sealed class DeterminismTests
{
    public static IEnumerable<object[]> ScenarioNames => TestSchemas.Names.Append(new object[] { "Repo" });

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Output_IsIdenticalUnderCulture_AsUnderInvariantCulture(string cultureName)
    {
        foreach ((string scenario, IReadOnlyList<SchemaInput> schemas) in AllScenarios())
        {
            IReadOnlyDictionary<string, string> invariant = RunUnderCulture(CultureInfo.InvariantCulture, schemas);
            IReadOnlyDictionary<string, string> localized = RunUnderCulture(CultureInfo.GetCultureInfo(cultureName), schemas);

            AssertSameOutput(scenario + " under " + cultureName, invariant, localized);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Output_IsIndependentOfKeywordOrder_DefinitionOrder_AndRequiredOrder(string scenario)
    {
        IReadOnlyList<SchemaInput> schemas = Scenario(scenario);
        List<SchemaInput> reordered = schemas.Select(s => s.WithText(JsonText.ReorderKeywordsAndDefinitions(s.Text))).ToList();
        Assert.All(schemas.Zip(reordered), pair => Assert.NotEqual(pair.First.Text, pair.Second.Text));

        AssertSameOutput(scenario + " reordered", Generate(schemas), Generate(reordered));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Output_IsIndependentOfAdditionalFilesOrder_AndIdenticalAcrossFreshRuns(string scenario)
    {
        IReadOnlyList<SchemaInput> schemas = Scenario(scenario);

        IReadOnlyDictionary<string, string> first = Generate(schemas);
        AssertSameOutput(scenario + " run twice", first, Generate(schemas));
        AssertSameOutput(scenario + " files reversed", first, Generate(schemas.Reverse().ToList()));
    }

    [Fact]
    public void PropertyOrder_IsMeaningful_GeneratedMembersFollowTheSchema()
    {
        const string Schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Ordered": {
                  "type": "object",
                  "properties": {
                    "zuluField": { "type": "string" },
                    "alphaField": { "type": "string" },
                    "mikeField": { "type": "string" }
                  }
                }
              }
            }
            """;

        string text = string.Concat(Generate(new[] { new SchemaInput(TestPaths.VirtualRepoRoot + "/schema/ordered.schema.json", Schema) }).Values);

        int zulu = text.IndexOf("ZuluField", StringComparison.Ordinal);
        int alpha = text.IndexOf("AlphaField", StringComparison.Ordinal);
        int mike = text.IndexOf("MikeField", StringComparison.Ordinal);
        Assert.True(zulu >= 0 && alpha >= 0 && mike >= 0, "Expected members ZuluField, AlphaField and MikeField in:\n" + text);
        Assert.True(zulu < alpha && alpha < mike, "Members are not in schema order (zuluField, alphaField, mikeField):\n" + text);
    }

    // The repository's schemas join in when there are any (GeneratorSnapshotTests.OurSchema fails when there are none).
    private static IEnumerable<(string Name, IReadOnlyList<SchemaInput> Schemas)> AllScenarios() =>
        TestSchemas.All.Select(pair => (pair.Key, pair.Value))
            .Append(("Repo", SchemaInput.FromRepoSchemas()))
            .Where(scenario => scenario.Item2.Count > 0);

    private static IReadOnlyList<SchemaInput> Scenario(string name)
    {
        if (name == "Repo")
        {
            IReadOnlyList<SchemaInput> repo = SchemaInput.FromRepoSchemas();
            Assert.True(repo.Count > 0, $"No *.schema.json in {TestPaths.RepoSchemaDirectory}.");
            return repo;
        }

        return TestSchemas.All[name];
    }

    private static IReadOnlyDictionary<string, string> RunUnderCulture(CultureInfo culture, IReadOnlyList<SchemaInput> schemas)
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return Generate(schemas);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    private static IReadOnlyDictionary<string, string> Generate(IReadOnlyList<SchemaInput> schemas)
    {
        GeneratorRun run = GeneratorHarness.Run(schemas).AssertNoException();
        Assert.False(run.Sources.IsEmpty, "The generator produced nothing, so there is nothing to compare.");
        var output = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneratedFile source in run.Sources)
        {
            output.Add(source.HintName, source.Text);
        }

        // Diagnostics count as output too (ids and messages, without positions, which legitimately move on reordering).
        output["(diagnostics)"] = string.Join("\n", run.Diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
        return output;
    }

    private static void AssertSameOutput(string what, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        Assert.True(
            expected.Keys.SequenceEqual(actual.Keys),
            $"{what}: different files.\n  expected: {string.Join(", ", expected.Keys)}\n  actual:   {string.Join(", ", actual.Keys)}");
        foreach ((string hint, string text) in expected)
        {
            if (!string.Equals(text, actual[hint], StringComparison.Ordinal))
            {
                Assert.Fail($"{what}: {hint} differs:\n{SnapshotTesting.LineDiff.Render(text, actual[hint])}");
            }
        }
    }
}
