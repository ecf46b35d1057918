using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sessions.Protocol.Generator.Diagnostics;
using Sessions.Protocol.Generator.Emit;
using Sessions.Protocol.Schema;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Generator;

/// <summary>
/// Turns every <c>AdditionalFiles</c> item named <c>*.schema.json</c> into C# protocol types: records,
/// enums with converters, and for each discriminated union an abstract record, its variants, an
/// unknown variant, a type enum and a visitor.
/// </summary>
/// <remarks>
/// Pipeline: schema files (text + namespace) → parsed per file → one model for all files (references
/// between files resolve here, and every decision is made) → one source per generated type, printed by an emitter
/// that decides nothing. Diagnostics leave through their own
/// output, so a schema edit that only moves text re-reports them without regenerating code.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ProtocolGenerator : IIncrementalGenerator
{
    /// <summary>The item metadata that sets one schema file's namespace (else the project's RootNamespace).</summary>
    public const string NamespaceMetadata = "ProtocolNamespace";

    /// <summary>The item metadata that sets the accessibility of one schema file's types: <c>public</c> (default) or <c>internal</c>.</summary>
    public const string VisibilityMetadata = "ProtocolVisibility";

    private const string DefaultNamespace = "Protocol";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadSchemaFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var parsed = schemaFiles
            .Select(static (file, _) => SchemaReader.Parse(file))
            .WithTrackingName(TrackingNames.ParsedSchemas);

        var model = parsed
            .Collect()
            .Select(static (files, cancellationToken) => BuildModel(files, cancellationToken))
            .WithTrackingName(TrackingNames.ProtocolModel);

        // One item per type, holding only what printing it needs: an edit of one type re-emits that type alone.
        var generatedTypes = model
            .SelectMany(static (m, _) => m.TypeFiles)
            .WithTrackingName(TrackingNames.GeneratedTypes);

        // ProtocolConverterVisibility=internal keeps every converter internal, public types included: the types find
        // theirs through [JsonConverter], so a library can publish its types without publishing their converters.
        var converterVisibility = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.ProtocolConverterVisibility", out var value) && value.Trim().Equals("internal", System.StringComparison.OrdinalIgnoreCase) ? "internal" : null);
        context.RegisterSourceOutput(generatedTypes.Combine(converterVisibility), static (output, pair) =>
            output.AddSource(pair.Left.HintName, ProtocolEmitter.Emit(pair.Right is null ? pair.Left : pair.Left with { ConverterAccessibility = pair.Right })));

        context.RegisterSourceOutput(model.Select(static (m, _) => m.TypeFiles.Count > 0), static (output, any) =>
        {
            if (any)
            {
                output.AddSource(HelpersSource.HintName, HelpersSource.Text);
            }
        });

        context.RegisterSourceOutput(model.Select(static (m, _) => m.Diagnostics), static (output, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                output.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(diagnostic));
            }
        });

        var languageSupport = context.CompilationProvider
            .Select(static (compilation, _) => LanguageProblem(compilation))
            .Combine(model.Select(static (m, _) => m.TypeFiles.Count > 0))
            .Select(static (pair, _) => pair.Right ? pair.Left : null)
            .WithTrackingName(TrackingNames.LanguageSupport);

        context.RegisterSourceOutput(languageSupport, static (output, problem) =>
        {
            if (problem is not null)
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(SchemaDiagnostics.LanguageVersionTooLow), Location.None, problem));
            }
        });
    }

    private static SchemaSourceFile ReadSchemaFile(AdditionalText text, AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken)
    {
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(text);
        var ns = fileOptions.TryGetValue("build_metadata.AdditionalFiles." + NamespaceMetadata, out var perFile) && !string.IsNullOrWhiteSpace(perFile)
            ? perFile
            : options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root)
                ? root
                : DefaultNamespace;
        fileOptions.TryGetValue("build_metadata.AdditionalFiles." + VisibilityMetadata, out var visibility);
        return new SchemaSourceFile(text.Path, content, ns.Trim(), visibility);
    }

    private static ProtocolModel BuildModel(ImmutableArray<ParsedSchemaFile> files, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return SchemaReader.BuildModel(files, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug of ours must surface as a located diagnostic, not as the compiler's opaque CS8785.
            var path = files.IsDefaultOrEmpty ? string.Empty : files[0].Source.Path;
            var message = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                SchemaDiagnostics.InternalError.MessageFormat,
                exception.GetType().Name + ": " + exception.Message);
            var diagnostic = new SchemaDiagnostic(
                SchemaDiagnostics.InternalError.Id,
                SchemaDiagnosticSeverity.Error,
                message,
                new SchemaLocation(path, 0, 0, 0, 0, 0, 0),
                "#");
            return new ProtocolModel(EquatableArray<GeneratedFileModel>.Empty, new EquatableArray<SchemaDiagnostic>(new[] { diagnostic }));
        }
    }

    private static string? LanguageProblem(Compilation compilation)
    {
        if (compilation is CSharpCompilation { LanguageVersion: < LanguageVersion.CSharp11 } csharp)
        {
            return "the project uses C# " + csharp.LanguageVersion.ToDisplayString();
        }

        return compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is null
            ? "System.Runtime.CompilerServices.RequiredMemberAttribute is missing"
            : null;
    }
}
