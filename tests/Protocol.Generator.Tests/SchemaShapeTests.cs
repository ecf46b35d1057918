using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The shared schema shapes (../shared/schema-shapes): each generates with no diagnostic, compiles with no warning,
/// and every example instance decodes as the type generated for its definition and encodes back to equal JSON.
/// </summary>
public sealed class SchemaShapeTests
{
    /// <summary>The shapes the generator types today; the README's shape table lists the same.</summary>
    public static readonly string[] Typed =
    {
        "01-enum-as-oneof-const",
        "02-open-enum",
        "03-open-union",
        "04-default-variant-without-tag",
        "05-optional-tag",
        "06-primitive-union",
        "07-several-types",
        "08-one-or-many",
        "09-jsonrpc-same-const",
        "10-told-apart-by-properties",
        "11-shared-tag-value",
        "12-tag-as-enum",
        "13-variant-of-two-unions",
        "14-property-named-like-keyword",
        "15-ref-in-single-allof",
        "16-extra-members",
        "17-named-map",
        "18-variant-names-collide",
    };

    public static TheoryData<string> TypedShapes => new(Typed);

    [Fact]
    public void EveryTypedShapeExists()
    {
        Assert.All(Typed, name => Assert.Contains(name, SchemaShapes.Names));
    }

    [Theory]
    [MemberData(nameof(TypedShapes))]
    public void Shape_GeneratesWithoutDiagnostics_AndCompilesWithoutWarnings(string shape)
    {
        GeneratorRun run = Generate(shape);

        Assert.True(run.Diagnostics.IsEmpty, "Diagnostics:\n" + run.FormatDiagnostics());
        CompilationAssert.NoWarningsOrErrors(run);
    }

    [Theory]
    [MemberData(nameof(TypedShapes))]
    public void Shape_ExamplesDecodeAndEncodeBackToEqualJson(string shape)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(Generate(shape));
        using JsonDocument examples = JsonDocument.Parse(SchemaShapes.Examples(shape));
        foreach (JsonProperty definition in examples.RootElement.EnumerateObject())
        {
            Type type = assembly.Type(SchemaShapes.Namespace(shape) + "." + definition.Name);
            foreach (JsonElement instance in definition.Value.EnumerateArray())
            {
                string json = instance.GetRawText();
                object? decoded = JsonSerializer.Deserialize(json, type);
                Assert.NotNull(decoded);

                // The shapes' examples of values no rule knows carry a "_vendor" value; every other one must be recognised.
                Assert.False(
                    decoded!.GetType().Name.StartsWith("Unknown", StringComparison.Ordinal) && !json.Contains("_vendor", StringComparison.Ordinal),
                    $"{definition.Name}: {json} was not recognised (decoded as {decoded.GetType().Name}).");
                string encoded = JsonSerializer.Serialize(decoded, type);
                Assert.True(
                    JsonEquality.Normalize(json) == JsonEquality.Normalize(encoded),
                    $"{definition.Name}: {JsonEquality.Normalize(json)} came back as {JsonEquality.Normalize(encoded)} (decoded as {decoded!.GetType().Name})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TypedShapes))]
    public void Shape_Snapshot(string shape) => GeneratorSnapshot.Verify(Generate(shape), methodName: "Shape" + shape[..2]);

    internal static GeneratorRun Generate(string shape) =>
        GeneratorHarness.Run(new[] { SchemaShapes.Schema(shape) }, rootNamespace: SchemaShapes.Namespace(shape)).AssertNoException();
}
