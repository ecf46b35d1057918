using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Sessions.Protocol.Generator.Tests.Harness;
using DiagnosticFormatter = Sessions.Protocol.Generator.Tests.Harness.DiagnosticFormatter;
using Xunit.Sdk;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>
/// What the generator makes of one schema file: its diagnostics, the consumer compilation's diagnostics and, when that
/// compiles, the generated assembly loaded for use through its public API. Made once per case per test run.
/// </summary>
public sealed class GeneratedProtocol
{
    private static readonly ConcurrentDictionary<SchemaCase, Lazy<GeneratedProtocol>> Cache = new();

    private readonly Dictionary<string, Type?> _definitionTypes = new(StringComparer.Ordinal);

    private GeneratedProtocol(SchemaCase schemaCase)
    {
        Case = schemaCase;
        Schema = SchemaDocument.Parse(schemaCase.ReadSchema(), Path.GetFileName(schemaCase.SchemaPath).Replace(".schema.json", string.Empty, StringComparison.Ordinal));
        Run = GeneratorHarness.Run(new[] { new SchemaInput(schemaCase.VirtualPath, schemaCase.ReadSchema(), schemaCase.Namespace) });

        Compilation compilation = Run.InputCompilation.AddSyntaxTrees(Run.Sources.Select(s => s.SyntaxTree));
        using var peStream = new MemoryStream();
        EmitResult result = compilation.Emit(peStream);
        CompileDiagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .OrderBy(d => d, DiagnosticOrder.Instance).ToImmutableArray();
        if (result.Success)
        {
            peStream.Position = 0;
            Assembly = new AssemblyLoadContext("generated-" + schemaCase.Name).LoadFromStream(peStream);
            Types = Assembly.GetExportedTypes().Where(t => t.Namespace == schemaCase.Namespace).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        }
        else
        {
            Types = Array.Empty<Type>();
        }
    }

    /// <summary>The case.</summary>
    public SchemaCase Case { get; }

    /// <summary>The schema as JSON.</summary>
    public SchemaDocument Schema { get; }

    /// <summary>The generator's run.</summary>
    public GeneratorRun Run { get; }

    /// <summary>Warnings and errors of compiling the generated code in a consumer (warning level 9999, nullable on).</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics { get; }

    /// <summary>The generated assembly, or null when the generated code does not compile.</summary>
    public Assembly? Assembly { get; }

    /// <summary>The public types of the case's namespace (converters, in <c>.Serialization</c>, are not among them).</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>The generated protocol of a case (generated and compiled on first use).</summary>
    public static GeneratedProtocol For(SchemaCase schemaCase) =>
        Cache.GetOrAdd(schemaCase, c => new Lazy<GeneratedProtocol>(() => new GeneratedProtocol(c))).Value;

    /// <summary>The generated assembly; fails the test, listing the compiler's errors, when there is none.</summary>
    public Assembly RequireAssembly()
    {
        Run.AssertNoException();
        if (Assembly is not null)
        {
            return Assembly;
        }

        var errors = CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"The code generated from {Case.Name} does not compile ({errors.Count} error(s)), so nothing can be decoded:\n");
        foreach (Diagnostic error in errors.Take(20))
        {
            message.Append("  ").Append(DiagnosticFormatter.Format(error)).Append('\n');
        }

        throw new XunitException(message.ToString());
    }

    /// <summary>
    /// The generated type of a definition (<c>#</c> for the root): the public type of the case's namespace whose name,
    /// compared by letters and digits only and ignoring case, is the definition's name (<c>issues$opened</c> finds
    /// <c>IssuesOpened</c>) or its <c>title</c> (for the root: its title, else the file's stem). Null when there is none.
    /// </summary>
    public Type? TypeOf(string definition)
    {
        if (_definitionTypes.TryGetValue(definition, out Type? known))
        {
            return known;
        }

        Type? found = null;
        foreach (string hint in Schema.NameHints(definition))
        {
            string key = NameKey(hint);
            List<Type> matches = Types.Where(t => NameKey(t.Name) == key).ToList();
            if (matches.Count > 0)
            {
                found = matches.FirstOrDefault(t => string.Equals(t.Name, hint, StringComparison.OrdinalIgnoreCase)) ?? matches[0];
                break;
            }
        }

        _definitionTypes[definition] = found;
        return found;
    }

    /// <summary>Like <see cref="TypeOf"/>, but fails the test, saying what was looked for, when there is none.</summary>
    public Type RequireTypeOf(string definition)
    {
        RequireAssembly();
        return TypeOf(definition) ?? throw new XunitException(
            $"{Case.Name}: no generated type for definition '{definition}' (looked in namespace {Case.Namespace} for a type named like "
            + string.Join(" or ", Schema.NameHints(definition).Select(h => "'" + h + "'"))
            + $"; it has {Types.Count} public type(s): {string.Join(", ", Types.Take(40).Select(t => t.Name))}{(Types.Count > 40 ? ", ..." : string.Empty)}).");
    }

    /// <summary>Decodes JSON as <paramref name="type"/> with System.Text.Json (the generated types carry their converters).</summary>
    public static object? Decode(string json, Type type) => JsonSerializer.Deserialize(json, type);

    /// <summary>Encodes a value as <paramref name="type"/> with System.Text.Json.</summary>
    public static string Encode(object? value, Type type) => JsonSerializer.Serialize(value, type);

    /// <summary>A name reduced to its letters and digits, lower case: how definition names and C# names are matched.</summary>
    public static string NameKey(string name) =>
        new string(name.Where(char.IsLetterOrDigit).Select(c => char.ToLowerInvariant(c)).ToArray());
}
