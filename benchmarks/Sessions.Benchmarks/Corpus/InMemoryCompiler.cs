using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Sessions.Benchmarks.Corpus;

/// <summary>Compiles C# sources in memory (Release, framework references of this runtime) and loads the assembly.</summary>
public static class InMemoryCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => Path.GetFileNameWithoutExtension(p) is var n && (n == "netstandard" || n == "System" || n.StartsWith("System.", StringComparison.Ordinal) || n == "Microsoft.CSharp"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static Assembly Compile(string assemblyName, IEnumerable<SyntaxTree> trees, NullableContextOptions nullable)
    {
        var (assembly, errors) = TryCompile(assemblyName, trees, nullable);
        return assembly ?? throw new InvalidOperationException($"{assemblyName} does not compile: " + string.Join("; ", errors.Take(5)));
    }

    /// <summary>The loaded assembly, or null and the compiler's errors.</summary>
    public static (Assembly? Assembly, IReadOnlyList<Diagnostic> Errors) TryCompile(string assemblyName, IEnumerable<SyntaxTree> trees, NullableContextOptions nullable)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: nullable));
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            return (null, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }

        stream.Position = 0;
        return (new AssemblyLoadContext(assemblyName).LoadFromStream(stream), Array.Empty<Diagnostic>());
    }

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions.Value, path: path);

    /// <summary>
    /// Latest C#, with the symbols the SDK defines for a project targeting the runtime this runs on (NET10_0,
    /// NET8_0_OR_GREATER...): generated code that picks a faster API under <c>#if</c> must be measured as a consumer's
    /// build compiles it.
    /// </summary>
    private static readonly Lazy<CSharpParseOptions> ParseOptions = new(() =>
    {
        int major = Environment.Version.Major;
        var symbols = new List<string> { "NET", "NETCOREAPP", $"NET{major}_0" };
        for (int version = 5; version <= major; version++)
        {
            symbols.Add($"NET{version}_0_OR_GREATER");
        }

        return CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithPreprocessorSymbols(symbols);
    });
}
