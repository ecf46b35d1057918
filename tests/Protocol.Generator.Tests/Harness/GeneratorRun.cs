using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>One run of the generator: the driver after it, the compilations, and what the generator produced.</summary>
public sealed class GeneratorRun
{
    internal GeneratorRun(GeneratorDriver driver, Compilation inputCompilation, Compilation outputCompilation, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        InputCompilation = inputCompilation;
        OutputCompilation = outputCompilation;
        DriverDiagnostics = driverDiagnostics;
        RunResult = driver.GetRunResult();
        Result = RunResult.Results.Single();
        Sources = Result.GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => new GeneratedFile(source.HintName, source.SourceText.ToString(), source.SyntaxTree))
            .ToImmutableArray();
        Diagnostics = Result.Diagnostics.OrderBy(d => d, DiagnosticOrder.Instance).ToImmutableArray();
    }

    /// <summary>The driver holding the state after this run; run it again for incrementality tests.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The compilation the generator ran on.</summary>
    public Compilation InputCompilation { get; }

    /// <summary><see cref="InputCompilation"/> plus the generated trees.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>Diagnostics of the driver itself (e.g. CS8785 when the generator threw).</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>The driver's run result.</summary>
    public GeneratorDriverRunResult RunResult { get; }

    /// <summary>The result of the one generator (tracked steps, exception, ...).</summary>
    public GeneratorRunResult Result { get; }

    /// <summary>The exception the generator threw, or <see langword="null"/>.</summary>
    public Exception? Exception => Result.Exception;

    /// <summary>The generated sources, ordered by hint name (ordinal).</summary>
    public ImmutableArray<GeneratedFile> Sources { get; }

    /// <summary>Generated text by hint name.</summary>
    public IReadOnlyDictionary<string, string> SourcesByHintName => Sources.ToDictionary(s => s.HintName, s => s.Text, StringComparer.Ordinal);

    /// <summary>The diagnostics the generator reported, in a stable order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>All generated text (hint names as headers), for substring assertions.</summary>
    public string AllText => string.Concat(Sources.Select(s => "// ==== " + s.HintName + "\n" + s.Text + "\n"));

    /// <summary>Fails if the generator threw.</summary>
    public GeneratorRun AssertNoException()
    {
        if (Exception is not null)
        {
            throw new Xunit.Sdk.XunitException($"The generator threw {Exception.GetType().FullName}: {Exception}\n"
                + string.Join("\n", DriverDiagnostics.Select(DiagnosticFormatter.Format)));
        }

        return this;
    }

    /// <summary>The diagnostics as text, one per line (see <see cref="DiagnosticFormatter"/>); empty when there are none.</summary>
    public string FormatDiagnostics() => string.Concat(Diagnostics.Select(d => DiagnosticFormatter.Format(d) + "\n"));
}

/// <summary>A generated source.</summary>
/// <param name="HintName">The hint name the generator gave it.</param>
/// <param name="Text">Its text.</param>
/// <param name="SyntaxTree">Its parsed tree.</param>
public sealed record GeneratedFile(string HintName, string Text, SyntaxTree SyntaxTree);
