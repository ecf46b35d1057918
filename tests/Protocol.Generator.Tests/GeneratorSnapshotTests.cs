using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// Snapshots of the generated code (Snapshots/GeneratorSnapshotTests.{Test}#{hint}.verified.cs) for the repository's
/// schemas and for small schemas of other shapes; each also compiles the output with zero warnings.
/// Accept changes with <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Protocol.Generator.Tests</c> and review the diff.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void OurSchema()
    {
        IReadOnlyList<SchemaInput> schemas = SchemaInput.FromRepoSchemas();
        Assert.True(schemas.Count > 0, $"No *.schema.json in {TestPaths.RepoSchemaDirectory}.");

        VerifyAndCompile(schemas);
    }

    [Fact]
    public void CopilotStyleUnion() => VerifyAndCompile(TestSchemas.CopilotUnion);

    [Fact]
    public void Nullability() => VerifyAndCompile(TestSchemas.Nullability);

    [Fact]
    public void EnumsAndConst() => VerifyAndCompile(TestSchemas.Enums);

    [Fact]
    public void AllOfMerging() => VerifyAndCompile(TestSchemas.AllOf);

    [Fact]
    public void FormatsMapsArraysAndUntyped() => VerifyAndCompile(TestSchemas.FormatsMapsArrays);

    [Fact]
    public void AwkwardNames() => VerifyAndCompile(TestSchemas.AwkwardNames);

    [Fact]
    public void CrossFileRef() => VerifyAndCompile(TestSchemas.CrossFile);

    [Fact]
    public void UnionToldApartByPropertyValues() => VerifyAndCompile(TestSchemas.ValueRules);

    [Fact]
    public void ArraysReadByPosition() => VerifyAndCompile(TestSchemas.Tuples);

    [Fact]
    public void InternalVisibility() => VerifyAndCompile(TestSchemas.CopilotUnion.Select(s => s with { ProtocolVisibility = "internal" }).ToList());

    private static void VerifyAndCompile(IReadOnlyList<SchemaInput> schemas, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorHarness.Run(schemas).AssertNoException();

        GeneratorSnapshot.Verify(run, includeSharedHelpers: testName == nameof(OurSchema), methodName: testName);
        Assert.False(run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), "A valid schema gave errors:\n" + run.FormatDiagnostics());
        CompilationAssert.NoWarningsOrErrors(run);
    }
}
