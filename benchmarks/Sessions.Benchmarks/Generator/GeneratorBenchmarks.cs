using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sessions.Benchmarks.Generator;

/// <summary>Which schema the generator reads.</summary>
public enum GeneratorSchema
{
    /// <summary>schema/*.schema.json (16 events, 7 client frames, the shared types).</summary>
    Ours,

    /// <summary>A generated schema of 500 events.</summary>
    Synthetic500,
}

/// <summary>
/// Goal 7: a cold run is a fresh <see cref="GeneratorDriver"/> (nothing cached) over the schema, as a first build or a
/// restarted compiler server does; JIT is warm (the first run of the process is measured on its own by
/// <see cref="GeneratorGoal"/>). An unrelated edit reruns the driver of a previous run on an edited compilation.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private IReadOnlyList<SchemaFile> _schemas = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [ParamsAllValues]
    public GeneratorSchema Schema { get; set; }

    public static IReadOnlyList<SchemaFile> SchemasOf(GeneratorSchema schema) =>
        schema == GeneratorSchema.Ours ? GeneratorHarness.OurSchema() : new[] { SyntheticSchema.Create(500) };

    [GlobalSetup]
    public void Setup()
    {
        _schemas = SchemasOf(Schema);
        _compilation = GeneratorHarness.CreateCompilation();
        _edited = UnrelatedEdit(_compilation);
        _warm = GeneratorHarness.CreateDriver(_schemas).RunGenerators(_compilation);
    }

    public static CSharpCompilation UnrelatedEdit(CSharpCompilation compilation) => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
        "namespace Consumer { internal static class Unrelated { internal const int Answer = 42; } }",
        GeneratorHarness.ParseOptions,
        path: "/consumer/Unrelated.cs"));

    [Benchmark(Baseline = true)]
    public int ColdRun() => GeneratorHarness.CreateDriver(_schemas).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int UnrelatedEditRun() => _warm.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;
}
