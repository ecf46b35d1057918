using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// Broken or unsupported schemas give a PSG diagnostic located in the schema file, and never an exception.
/// </summary>
public sealed class DiagnosticTests
{
    private const string SchemaPath = TestPaths.VirtualRepoRoot + "/schema/broken.schema.json";

    /// <summary>A case: the schema, and the (0-based) line range a diagnostic must point into, given by marker texts.</summary>
    /// <param name="Json">The schema text.</param>
    /// <param name="FirstLineMarker">Text on the first line the diagnostic may point at.</param>
    /// <param name="LastLineMarker">Text on the last line it may point at; <see langword="null"/> for the end of the file.</param>
    private sealed record Case(string Json, string FirstLineMarker, string? LastLineMarker);

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        // Cut off in the middle of a property list: the error is at the end of the text, past line 1.
        ["TruncatedJson"] = new(
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Thing": {
                  "type": "object",
                  "properties": {
                    "name": { "type": "str
            """.TrimEnd(),
            "\"name\"",
            null),

        ["UnresolvedRef"] = new(
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Thing": {
                  "type": "object",
                  "properties": {
                    "name": { "type": "string" },
                    "owner": { "$ref": "#/$defs/Missing" }
                  },
                  "required": [ "name" ]
                }
              }
            }
            """,
            "#/$defs/Missing",
            "#/$defs/Missing"),

        ["UnresolvedCrossFileRef"] = new(
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Thing": {
                  "type": "object",
                  "properties": {
                    "owner": { "$ref": "no-such-file.schema.json#/$defs/Owner" }
                  }
                }
              }
            }
            """,
            "no-such-file.schema.json",
            "no-such-file.schema.json"),

        // Two inline object variants with no property that is a const in both.
        ["UnionWithoutCommonDiscriminator"] = new(
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Shape": {
                  "anyOf": [
                    {
                      "type": "object",
                      "properties": {
                        "kind": { "type": "string", "const": "circle" },
                        "radius": { "type": "number" }
                      },
                      "required": [ "kind", "radius" ]
                    },
                    {
                      "type": "object",
                      "properties": {
                        "kind": { "type": "string", "const": "circle" },
                        "radius": { "type": "integer" }
                      },
                      "required": [ "kind", "radius" ]
                    }
                  ]
                }
              }
            }
            """,
            "\"Shape\"",
            null),

        ["UnsupportedTypeArray"] = new(
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Thing": {
                  "type": "object",
                  "properties": {
                    "name": { "type": "string" },
                    "value": { "type": [ "string", "date" ] }
                  }
                }
              }
            }
            """,
            "\"value\"",
            "\"value\""),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys.OrderBy(k => k, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BrokenSchema_ReportsPsgDiagnostic_InTheSchemaFile_AndNeverThrows(string caseName)
    {
        Case @case = Cases[caseName];
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(SchemaPath, @case.Json) });

        Assert.Null(run.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785");
        string all = run.FormatDiagnostics();
        Diagnostic[] psg = run.Diagnostics.Where(d => d.Id.StartsWith("PSG", StringComparison.Ordinal)).ToArray();
        Assert.True(psg.Length > 0, $"No PSG diagnostic for {caseName}. Diagnostics:\n{all}");

        int first = LineOf(@case.Json, @case.FirstLineMarker);
        int last = @case.LastLineMarker is null ? @case.Json.Split('\n').Length - 1 : LineOf(@case.Json, @case.LastLineMarker);
        Assert.True(first > 0, "The case must put its problem past line 1.");
        Assert.True(
            psg.Any(d => IsInSchemaBetween(d, first, last)),
            $"No PSG diagnostic of {caseName} is located in {SchemaPath} between lines {first + 1} and {last + 1} (1-based). Diagnostics:\n{all}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BrokenSchema_StillYieldsCompilableOutput(string caseName)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(SchemaPath, Cases[caseName].Json) });

        Assert.Null(run.Exception);
        CompilationAssert.NoErrors(run);
    }

    [Fact]
    public void OneBrokenFile_DoesNotStopTheOthers()
    {
        var broken = new SchemaInput(SchemaPath, Cases["TruncatedJson"].Json);
        SchemaInput valid = TestSchemas.Nullability.Single();

        GeneratorRun run = GeneratorHarness.Run(new[] { broken, valid });

        Assert.Null(run.Exception);
        Assert.Contains("NullabilityShowcase", run.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Diagnostics, d => d.Location.GetLineSpan().Path == valid.Path);
        Assert.Contains(run.Diagnostics, d => d.Id.StartsWith("PSG", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == SchemaPath);
        CompilationAssert.NoErrors(run);
    }

    [Fact]
    public void EmptyFile_ReportsPsgDiagnostic_AndNeverThrows()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(SchemaPath, string.Empty) });

        Assert.Null(run.Exception);
        Assert.Contains(run.Diagnostics, d => d.Id.StartsWith("PSG", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == SchemaPath);
    }

    private static bool IsInSchemaBetween(Diagnostic diagnostic, int firstLine, int lastLine)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return span.IsValid
            && span.Path == SchemaPath
            && span.StartLinePosition.Line >= firstLine
            && span.StartLinePosition.Line <= lastLine;
    }

    private static int LineOf(string text, string marker)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int index = Array.FindIndex(lines, line => line.Contains(marker, StringComparison.Ordinal));
        return index >= 0 ? index : throw new ArgumentException($"Marker '{marker}' not found.", nameof(marker));
    }
}
