using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sessions.Protocol.Generator;

namespace Sessions.Benchmarks.Generator;

/// <summary>One schema file as MSBuild would pass it (an AdditionalFiles item).</summary>
public sealed record SchemaFile(string Path, string Text);

/// <summary>Drives <see cref="ProtocolGenerator"/> with <see cref="CSharpGeneratorDriver"/> the way the compiler does.</summary>
public static class GeneratorHarness
{
    public const string RootNamespace = "Sessions";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => System.IO.Path.GetFileNameWithoutExtension(p) is var n && (n == "netstandard" || n == "System" || n.StartsWith("System.", StringComparison.Ordinal)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>A consumer compilation: one small source file and the framework references.</summary>
    public static CSharpCompilation CreateCompilation() => CSharpCompilation.Create(
        "Consumer",
        new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Program { } }", ParseOptions, path: "/consumer/Program.cs") },
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A fresh driver (nothing cached) over these schema files, tracking its steps.</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyList<SchemaFile> schemas) => CSharpGeneratorDriver.Create(
        new[] { new ProtocolGenerator().AsSourceGenerator() },
        schemas.Select(s => (AdditionalText)new InMemoryText(s.Path, s.Text)),
        ParseOptions,
        new Options(RootNamespace),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Our schema: every <c>schema/*.schema.json</c>.</summary>
    public static IReadOnlyList<SchemaFile> OurSchema() => Directory
        .GetFiles(Infrastructure.RepoPaths.SchemaDirectory, "*.schema.json")
        .OrderBy(p => p, StringComparer.Ordinal)
        .Select(p => new SchemaFile("/repo/schema/" + System.IO.Path.GetFileName(p), File.ReadAllText(p)))
        .ToList();

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;

        public Options(string rootNamespace) => _global = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public static DictionaryOptions Empty { get; } = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
