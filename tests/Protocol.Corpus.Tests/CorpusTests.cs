using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests;

/// <summary>
/// The generator on published schemas (Schemas/README.md lists them): what a user pointing it at a real protocol gets.
/// Each schema must generate without diagnostics, compile without warnings, type every union, and decode and write
/// back every example, except for the fallbacks its <c>expected-fallbacks.json</c> lists with their reasons (Schemas/README.md):
/// the actual fallbacks must equal that list, so a new one fails and one that disappears must be removed from it.
/// Compiling without warnings has no exceptions.
/// </summary>
public sealed class CorpusTests
{
    /// <summary>The corpus: every folder of Schemas/ that holds <c>&lt;folder&gt;.schema.json</c>.</summary>
    public static TheoryData<string> Schemas() => new(SchemaNames());

    /// <summary>The corpus folder names, in ordinal order.</summary>
    public static List<string> SchemaNames() =>
        Directory.EnumerateDirectories(CorpusPaths.CorpusDirectory)
            .Select(path => Path.GetFileName(path))
            .Where(name => File.Exists(Path.Combine(CorpusPaths.CorpusDirectory, name, name + ".schema.json")))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_corpus_has_at_least_six_schemas_each_with_examples_and_a_licence()
    {
        List<string> names = SchemaNames();
        Assert.True(names.Count >= 6, $"The corpus has {names.Count} schema(s): {string.Join(", ", names)}");
        foreach (string name in names)
        {
            string folder = Path.Combine(CorpusPaths.CorpusDirectory, name);
            Assert.True(File.Exists(Path.Combine(folder, name + ".examples.json")), $"{name} has no examples file");
            Assert.True(ExampleSet.Parse(File.ReadAllText(Path.Combine(folder, name + ".examples.json"))).Count > 0, $"{name} has no examples");
            Assert.True(
                Directory.EnumerateFiles(folder).Any(f => Path.GetFileName(f).StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).StartsWith("License", StringComparison.Ordinal)),
                $"{name} has no licence file");
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generator_reports_no_error_or_warning_but_the_expected_fallbacks(string schema) =>
        ProtocolChecks.GeneratesWithoutDiagnostics(GeneratedProtocol.For(SchemaCase.Corpus(schema)), ExpectedFallbacks.For(SchemaCase.Corpus(schema)));

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generated_code_compiles_without_warnings(string schema) =>
        ProtocolChecks.CompilesWithoutWarnings(GeneratedProtocol.For(SchemaCase.Corpus(schema)));

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_union_is_typed_but_the_expected_fallbacks(string schema) =>
        ProtocolChecks.EveryUnionIsTyped(GeneratedProtocol.For(SchemaCase.Corpus(schema)), ExpectedFallbacks.For(SchemaCase.Corpus(schema)));

    [Theory]
    [MemberData(nameof(Schemas))]
    public Task Examples_are_valid_against_the_schema(string schema) =>
        ProtocolChecks.ExamplesAreValidAsync(SchemaCase.Corpus(schema));

    [Theory]
    [MemberData(nameof(Schemas))]
    public Task Examples_decode_to_the_expected_type_and_round_trip_but_the_expected_fallbacks(string schema) =>
        ProtocolChecks.ExamplesDecodeAndRoundTripAsync(GeneratedProtocol.For(SchemaCase.Corpus(schema)), ExpectedFallbacks.For(SchemaCase.Corpus(schema)));
}
