using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Analyzer config options backed by a dictionary (keys compared like the compiler does).</summary>
public sealed class DictionaryAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _values;

    /// <summary>Creates options holding <paramref name="values"/>.</summary>
    public DictionaryAnalyzerConfigOptions(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = ImmutableDictionary.CreateRange(KeyComparer, values);

    /// <summary>No options.</summary>
    public static DictionaryAnalyzerConfigOptions Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <inheritdoc />
    public override IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}

/// <summary>
/// What MSBuild's generated .editorconfig gives a generator: global options (<c>build_property.*</c>) and options per
/// additional file (<c>build_metadata.AdditionalFiles.*</c>), the latter looked up by the file's path.
/// </summary>
public sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly ImmutableDictionary<string, DictionaryAnalyzerConfigOptions> _perFile;

    /// <summary>Creates the provider.</summary>
    /// <param name="globalOptions">Global options, e.g. <c>build_property.RootNamespace</c>.</param>
    /// <param name="perFileOptions">Options per additional-file path (ordinal path comparison).</param>
    public TestAnalyzerConfigOptionsProvider(
        IEnumerable<KeyValuePair<string, string>> globalOptions,
        IEnumerable<KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>>>? perFileOptions = null)
    {
        GlobalOptions = new DictionaryAnalyzerConfigOptions(globalOptions);
        var builder = ImmutableDictionary.CreateBuilder<string, DictionaryAnalyzerConfigOptions>(System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>> entry in perFileOptions ?? [])
        {
            builder[entry.Key] = new DictionaryAnalyzerConfigOptions(entry.Value);
        }

        _perFile = builder.ToImmutable();
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryAnalyzerConfigOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _perFile.TryGetValue(textFile.Path, out DictionaryAnalyzerConfigOptions? options) ? options : DictionaryAnalyzerConfigOptions.Empty;
}
