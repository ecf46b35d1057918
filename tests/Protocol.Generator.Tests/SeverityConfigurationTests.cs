using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// Every PSG diagnostic's severity can be changed as for any analyzer: <c>dotnet_diagnostic.PSGnnn.severity</c> in a
/// global analyzer config (the compiler hands it over as global diagnostic options) or <c>NoWarn</c> /
/// <c>WarningsAsErrors</c> (specific diagnostic options).
/// </summary>
public sealed class SeverityConfigurationTests
{
    // An object const falls back to JsonElement with a PSG003 warning.
    private const string SchemaWithFallback = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "Pair": {
              "type": "object",
              "properties": { "both": { "const": { "first": "a", "second": 1 } } }
            }
          }
        }
        """;

    [Fact]
    public void AFallback_IsAWarning_AndTheRestIsGenerated()
    {
        GeneratorRun run = Run(options => options);

        Diagnostic diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("PSG003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("Pair", run.AllText, System.StringComparison.Ordinal);
        CompilationAssert.NoErrors(run);
    }

    [Theory]
    [InlineData(ReportDiagnostic.Error, DiagnosticSeverity.Error)]
    [InlineData(ReportDiagnostic.Info, DiagnosticSeverity.Info)]
    public void GlobalConfigSeverity_ChangesIt(ReportDiagnostic configured, DiagnosticSeverity expected)
    {
        GeneratorRun run = Run(options => options.WithSyntaxTreeOptionsProvider(new GlobalSeverities(new() { ["PSG003"] = configured })));

        Assert.Equal(expected, Assert.Single(run.Diagnostics).Severity);
    }

    [Fact]
    public void GlobalConfigSeverityNone_SilencesIt()
    {
        GeneratorRun run = Run(options => options.WithSyntaxTreeOptionsProvider(new GlobalSeverities(new() { ["PSG003"] = ReportDiagnostic.Suppress })));

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void WarningsAsErrors_MakesItAnError()
    {
        GeneratorRun run = Run(options => options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("PSG003", ReportDiagnostic.Error)));

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(run.Diagnostics).Severity);
    }

    private static GeneratorRun Run(System.Func<CSharpCompilationOptions, CSharpCompilationOptions> configure)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        compilation = compilation.WithOptions(configure(compilation.Options));
        return GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(new[] { new SchemaInput("/repo/schema/pair.schema.json", SchemaWithFallback) }),
            compilation).AssertNoException();
    }

    /// <summary>What the compiler builds from <c>dotnet_diagnostic.ID.severity</c> entries of a global analyzer config.</summary>
    private sealed class GlobalSeverities(Dictionary<string, ReportDiagnostic> severities) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => severities.TryGetValue(diagnosticId, out severity);
    }
}
