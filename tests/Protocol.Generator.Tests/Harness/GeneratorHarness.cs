using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Runs <see cref="ProtocolGenerator"/> the way the compiler does, over in-memory schema files.</summary>
public static class GeneratorHarness
{
    /// <summary>The <c>RootNamespace</c> the tests' consumer project has unless a test says otherwise.</summary>
    public const string DefaultRootNamespace = "Sessions.Tests.Generated";

    /// <summary>The global option carrying the consumer's <c>RootNamespace</c>.</summary>
    public const string RootNamespaceKey = "build_property.RootNamespace";

    /// <summary>The per-file option carrying an <c>AdditionalFiles</c> item's <c>ProtocolNamespace</c> metadata.</summary>
    public const string ProtocolNamespaceKey = "build_metadata.AdditionalFiles.ProtocolNamespace";

    /// <summary>The per-file option carrying an <c>AdditionalFiles</c> item's <c>ProtocolVisibility</c> metadata.</summary>
    public const string ProtocolVisibilityKey = "build_metadata.AdditionalFiles.ProtocolVisibility";

    /// <summary>
    /// A consumer file with the global usings of an SDK project with <c>ImplicitUsings</c> enabled, so generated code is
    /// compiled in the name-lookup environment most consumers have.
    /// </summary>
    public const string ConsumerGlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>
    /// C# latest, as the tests parse and generate with by default. Documentation comments are diagnosed (CS1591 etc.),
    /// as in a consumer with <c>GenerateDocumentationFile</c> — which every project under src/ has, Sessions.Runtime included.
    /// </summary>
    public static CSharpParseOptions LatestParseOptions { get; } = ParseOptions(LanguageVersion.Latest);

    /// <summary>Parse options for <paramref name="version"/>, documentation comments diagnosed.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion version) =>
        CSharpParseOptions.Default.WithLanguageVersion(version).WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>
    /// A consumer library compilation: nullable enabled, every warning wave on (<c>WarningLevel</c> 9999), CS1701/CS1702
    /// suppressed as the .NET SDK does, referencing the runtime's framework assemblies.
    /// </summary>
    public static CSharpCompilation CreateCompilation(CSharpParseOptions? parseOptions = null, params string[] sources)
    {
        parseOptions ??= LatestParseOptions;
        IEnumerable<string> allSources = sources.Length == 0 ? new[] { ConsumerGlobalUsings } : sources;
        SyntaxTree[] trees = allSources
            .Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"/consumer/Source{i}.cs"))
            .ToArray();

        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

        return CSharpCompilation.Create("Sessions.Tests.Consumer", trees, ReferenceAssemblies.Net, options);
    }

    /// <summary>The options provider MSBuild would give for these schema items.</summary>
    public static TestAnalyzerConfigOptionsProvider CreateOptionsProvider(IEnumerable<SchemaInput> schemas, string? rootNamespace = DefaultRootNamespace)
    {
        var global = new List<KeyValuePair<string, string>>();
        if (rootNamespace is not null)
        {
            global.Add(new(RootNamespaceKey, rootNamespace));
        }

        return new TestAnalyzerConfigOptionsProvider(
            global,
            schemas.Select(schema => new KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>>(
                schema.Path,
                new[]
                {
                    new KeyValuePair<string, string>(ProtocolNamespaceKey, schema.ProtocolNamespace ?? string.Empty),
                    new KeyValuePair<string, string>(ProtocolVisibilityKey, schema.ProtocolVisibility ?? string.Empty),
                })));
    }

    /// <summary>A driver for a fresh <see cref="ProtocolGenerator"/>, tracking incremental steps.</summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> additionalTexts,
        AnalyzerConfigOptionsProvider optionsProvider,
        CSharpParseOptions? parseOptions = null)
    {
        var generator = new ProtocolGenerator();
        return CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            additionalTexts,
            parseOptions ?? LatestParseOptions,
            optionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>A driver for these schema items (options as MSBuild would give them).</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SchemaInput> schemas, string? rootNamespace = DefaultRootNamespace, CSharpParseOptions? parseOptions = null)
    {
        List<SchemaInput> list = schemas.ToList();
        return CreateDriver(list.Select(s => s.ToAdditionalText()), CreateOptionsProvider(list, rootNamespace), parseOptions);
    }

    /// <summary>Runs the generator once over <paramref name="schemas"/> on a fresh consumer compilation.</summary>
    public static GeneratorRun Run(IEnumerable<SchemaInput> schemas, string? rootNamespace = DefaultRootNamespace, CSharpParseOptions? parseOptions = null)
    {
        parseOptions ??= LatestParseOptions;
        return Run(CreateDriver(schemas, rootNamespace, parseOptions), CreateCompilation(parseOptions));
    }

    /// <summary>Runs <paramref name="driver"/> (again) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        GeneratorDriver after = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(after, compilation, output, diagnostics);
    }
}
