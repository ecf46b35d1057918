using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>The generated code of a run, compiled and loaded (collectibly), so tests can decode and encode through it.</summary>
public sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; }

    /// <summary>Compiles <paramref name="run"/>'s output and loads it; fails with the compiler's errors.</summary>
    public static GeneratedAssembly Load(GeneratorRun run)
        => Load(run.InputCompilation.AddSyntaxTrees(run.Sources.Select(s => s.SyntaxTree)));

    /// <summary>Compiles hand-written <paramref name="sources"/> (stand-ins for generated code) and loads them.</summary>
    public static GeneratedAssembly Compile(params string[] sources) => Load(GeneratorHarness.CreateCompilation(null, sources));

    private static GeneratedAssembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new Xunit.Sdk.XunitException("The code does not compile:\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(DiagnosticFormatter.Format)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>The generated type named <paramref name="fullName"/>; fails listing what there is.</summary>
    public Type Type(string fullName) =>
        Assembly.GetType(fullName) ?? throw new Xunit.Sdk.XunitException(
            $"No generated type {fullName}. Types: {string.Join(", ", Assembly.GetTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal))}");

    /// <inheritdoc/>
    public void Dispose() => _context.Unload();
}
