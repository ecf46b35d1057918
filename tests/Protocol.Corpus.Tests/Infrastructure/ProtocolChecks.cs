using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;
using DiagnosticFormatter = Sessions.Protocol.Generator.Tests.Harness.DiagnosticFormatter;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>The checks every schema goes through, corpus and shapes alike. Each throws one message listing every problem.</summary>
public static class ProtocolChecks
{
    private const int MaxListed = 25;

    /// <summary>
    /// The generator reports neither an error nor a warning (and does not throw); with <paramref name="expected"/>, its
    /// errors and warnings are exactly the listed ones (<see cref="ExpectedFallbacks"/>).
    /// </summary>
    public static void GeneratesWithoutDiagnostics(GeneratedProtocol generated, ExpectedFallbacks? expected = null)
    {
        generated.Run.AssertNoException();
        List<Diagnostic> problems = generated.Run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (expected is not null)
        {
            ExpectedFallbacks.AssertEqual(
                generated.Case.Name,
                "generator diagnostic(s)",
                expected.Diagnostics,
                problems.Select(d => (d.Id + " " + PointerOf(d), DiagnosticFormatter.Format(d))));
            return;
        }

        if (problems.Count > 0)
        {
            throw new XunitException(
                $"The generator reports {problems.Count} problem(s) for {generated.Case.Name} ({CountByCode(problems)}):\n" + List(problems));
        }
    }

    /// <summary>The generated code compiles in a consumer with neither an error nor a warning.</summary>
    public static void CompilesWithoutWarnings(GeneratedProtocol generated)
    {
        generated.Run.AssertNoException();
        if (generated.CompileDiagnostics.Length > 0)
        {
            throw new XunitException(
                $"Compiling the code generated from {generated.Case.Name} ({generated.Run.Sources.Length} file(s)) gives "
                + $"{generated.CompileDiagnostics.Length} diagnostic(s) ({CountByCode(generated.CompileDiagnostics)}):\n"
                + List(generated.CompileDiagnostics));
        }
    }

    /// <summary>
    /// Every union of the schema at a place with a public path becomes a typed form wherever it is used (see
    /// <see cref="UnionTyping"/>); with <paramref name="expected"/>, the unions its <c>typedWhereUsed</c> lists must
    /// prove their form at every use, and the unions not typed are exactly its <c>untypedUnions</c>.
    /// </summary>
    public static void EveryUnionIsTyped(GeneratedProtocol generated, ExpectedFallbacks? expected = null)
    {
        UnionCensus census = UnionCensus.Take(generated.Schema);
        var listed = (expected?.TypedWhereUsed ?? Array.Empty<ExpectedTyping>()).ToDictionary(t => t.Pointer, StringComparer.Ordinal);
        if (listed.Keys.FirstOrDefault(p => !census.Sites.Any(s => s.Pointer == p)) is { } stray)
        {
            throw new XunitException($"{generated.Case.Name}: {ExpectedFallbacks.FileName} lists '{stray}' under typedWhereUsed, but the census has no union there.");
        }

        List<UnionOutcome> outcomes = census.Sites.Select(site => UnionTyping.Check(generated, census, site, listed.GetValueOrDefault(site.Pointer))).ToList();
        List<UnionOutcome> untyped = outcomes.Where(o => !o.IsTyped).ToList();
        if (expected is not null)
        {
            ExpectedFallbacks.AssertEqual(
                generated.Case.Name,
                "untyped union(s)",
                expected.UntypedUnions,
                untyped.Select(o => (o.Site.Pointer, $"{o.Site.Path} ({o.Site.Form}): {o.Outcome}")));
            return;
        }

        if (untyped.Count > 0)
        {
            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture, $"{generated.Case.Name}: {outcomes.Count - untyped.Count} of {outcomes.Count} union(s) typed; ")
                .Append(CultureInfo.InvariantCulture, $"{census.Elsewhere.Count} more union(s) inside variants or other keywords are not checked here. Not typed:\n");
            foreach (UnionOutcome outcome in untyped.Take(MaxListed))
            {
                message.Append(CultureInfo.InvariantCulture, $"  {outcome.Site.Path} ({outcome.Site.Form}, {outcome.Site.Pointer}): {outcome.Outcome}\n");
            }

            if (untyped.Count > MaxListed)
            {
                message.Append(CultureInfo.InvariantCulture, $"  ... and {untyped.Count - MaxListed} more\n");
            }

            throw new XunitException(message.ToString());
        }
    }

    /// <summary>Every example is valid against its definition for NJsonSchema: the corpus itself is right.</summary>
    public static async Task ExamplesAreValidAsync(SchemaCase schemaCase)
    {
        SchemaValidator validator = await SchemaValidator.ForAsync(schemaCase);
        IReadOnlyList<Example> examples = ExampleSet.Parse(schemaCase.ReadExamples());
        var failures = new List<string>();
        foreach (Example example in examples)
        {
            IReadOnlyList<string> errors = validator.Errors(example.Definition, example.Json);
            if (errors.Count > 0)
            {
                failures.Add($"{example.Label}: {string.Join("; ", errors.Take(3))}");
            }
        }

        Fail(schemaCase, $"of {examples.Count} example(s) are not valid against the schema", failures);
    }

    /// <summary>
    /// Every example decodes as the type of the definition it is listed under and encodes back to JSON of the same
    /// meaning (<see cref="JsonEquivalence"/>). When that definition is a union whose variants are told apart, the
    /// decoded value is of the variant the instance is valid against (found with NJsonSchema; when several are, the one
    /// with a tag); when a definition is a variant of a union definition, decoding the example as that union gives
    /// the variant's type too. Inline variants, which have no definition name, must keep instances of different
    /// alternatives apart: one generated class per alternative.
    /// </summary>
    /// <remarks>With <paramref name="fallbacks"/>, the examples that fail are exactly the listed ones (by label).</remarks>
    public static async Task ExamplesDecodeAndRoundTripAsync(GeneratedProtocol generated, ExpectedFallbacks? fallbacks = null)
    {
        SchemaValidator validator = await SchemaValidator.ForAsync(generated.Case);
        generated.RequireAssembly();
        IReadOnlyList<Example> examples = ExampleSet.Parse(generated.Case.ReadExamples());
        var failures = new List<string>();
        var inlineVariants = new Dictionary<(string Union, int Alternative), HashSet<Type>>();
        foreach (Example example in examples)
        {
            Type? type = generated.TypeOf(example.Definition);
            if (type is null)
            {
                failures.Add($"{example.Label}: no generated type for definition '{example.Definition}'");
                continue;
            }

            if (DecodeAndRoundTrip(example.Json, type) is { } problem)
            {
                failures.Add($"{example.Label} as {type.Name}: {problem.Message}");
                continue;
            }

            object? value = GeneratedProtocol.Decode(example.Json, type);
            if (type.IsAbstract && value is not null)
            {
                CheckVariant(generated, validator, example.Definition, example, value, failures, inlineVariants);
            }

            foreach (string union in UnionsTaking(generated.Schema, example.Definition))
            {
                Type? unionType = generated.TypeOf(union);
                Type expected = value?.GetType() ?? type;
                if (unionType is null)
                {
                    failures.Add($"{example.Label}: no generated type for {(union == SchemaDocument.Root ? "the root union" : $"union '{union}'")}, of which '{example.Definition}' is a variant");
                    continue;
                }

                object? asUnion;
                try
                {
                    asUnion = GeneratedProtocol.Decode(example.Json, unionType);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"{example.Label} as union {unionType.Name}: {e.GetType().Name}: {e.Message}");
                    continue;
                }

                if (asUnion?.GetType() != expected)
                {
                    failures.Add($"{example.Label} as union {unionType.Name}: decoded as {asUnion?.GetType().Name ?? "null"}, expected the variant {expected.Name}");
                }
            }
        }

        foreach (var group in inlineVariants.GroupBy(e => e.Key.Union))
        {
            foreach (var alternative in group.Where(a => a.Value.Count > 1))
            {
                failures.Add($"{group.Key}: instances of its alternative {alternative.Key.Alternative} decode as different types ({string.Join(", ", alternative.Value.Select(t => t.Name))})");
            }

            foreach (var shared in group.Where(a => a.Value.Count == 1).GroupBy(a => a.Value.Single()).Where(g => g.Count() > 1))
            {
                failures.Add($"{group.Key}: instances of its alternatives {string.Join(" and ", shared.Select(a => a.Key.Alternative))} all decode as {shared.Key.Name}: the variants are not told apart");
            }
        }

        if (fallbacks is not null)
        {
            ExpectedFallbacks.AssertEqual(generated.Case.Name, "example failure(s)", fallbacks.Examples, failures.Select(f => (ExampleKey(f) + " | " + ExpectedFallbacks.FailureKind(f), f)));
            return;
        }

        Fail(generated.Case, $"of {examples.Count} example(s) do not decode to the expected type and back", failures);
    }

    // A failure line starts with the example's label ("issues$opened[0]"), maybe followed by " as Type", then ':'.
    private static string ExampleKey(string failure)
    {
        string head = failure[..Math.Max(0, failure.IndexOf(':', StringComparison.Ordinal))];
        int asType = head.IndexOf(" as ", StringComparison.Ordinal);
        return asType >= 0 ? head[..asType] : head;
    }

    // The generator's messages end with "(at <JSON pointer>)".
    private static string PointerOf(Diagnostic diagnostic)
    {
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        int at = message.LastIndexOf("(at #", StringComparison.Ordinal);
        return at >= 0 && message.EndsWith(')') ? message[(at + 4)..^1] : "(no pointer)";
    }

    /// <summary>Decodes and re-encodes; the problem, or null when the JSON comes back with the same meaning.</summary>
    public static Exception? DecodeAndRoundTrip(string json, Type type)
    {
        object? value;
        try
        {
            value = GeneratedProtocol.Decode(json, type);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new InvalidOperationException($"decoding throws {e.GetType().Name}: {e.Message}");
        }

        string written;
        try
        {
            written = GeneratedProtocol.Encode(value, type);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new InvalidOperationException($"encoding throws {e.GetType().Name}: {e.Message}");
        }

        return JsonEquivalence.FirstDifference(json, written) is { } difference
            ? new InvalidOperationException("written back differently: " + difference)
            : null;
    }

    private static void CheckVariant(
        GeneratedProtocol generated,
        SchemaValidator validator,
        string union,
        Example example,
        object value,
        List<string> failures,
        Dictionary<(string, int), HashSet<Type>> inlineVariants)
    {
        if (!validator.HasAlternatives(union))
        {
            return;
        }

        var matches = validator.MatchingAlternatives(union, example.Json);
        var chosen = matches.Count == 1 ? matches : matches.Where(m => m.HasTag).ToList();
        if (chosen.Count != 1)
        {
            return; // valid against several alternatives alike: any of them is right
        }

        var (index, definition, _) = chosen[0];
        if (definition is null)
        {
            if (!inlineVariants.TryGetValue((union, index), out HashSet<Type>? types))
            {
                inlineVariants[(union, index)] = types = new HashSet<Type>();
            }

            types.Add(value.GetType());
            return;
        }

        Type? expected = generated.TypeOf(definition);
        if (expected is null)
        {
            failures.Add($"{example.Label}: valid against the variant '{definition}', which has no generated type");
        }
        else if (definition != union && expected.IsAbstract && expected.IsInstanceOfType(value) && validator.HasAlternatives(definition))
        {
            // The variant is itself a union (OpenAPI's SecurityScheme takes HTTPSecurityScheme, split into Bearer and
            // Non Bearer): the value is of it, and which of its own variants is checked the same way.
            CheckVariant(generated, validator, definition, example, value, failures, inlineVariants);
        }
        else if (value.GetType() != expected)
        {
            failures.Add($"{example.Label}: decoded as {value.GetType().Name}, expected the variant {expected.Name} (definition '{definition}')");
        }
    }

    // The unions (definitions, or the root) that take this definition as a variant, directly or through a union that
    // is itself a variant ($ref alternatives of their oneOf/anyOf): GitHub's root union takes issues_event, which takes
    // issues$opened, and an issues$opened payload must decode as IssuesOpened from either.
    private static IEnumerable<string> UnionsTaking(SchemaDocument schema, string definition)
    {
        IEnumerable<string> candidates = schema.Definitions.Keys;
        if (schema.RootDefinesType)
        {
            candidates = candidates.Append(SchemaDocument.Root);
        }

        var variantsOf = candidates
            .Where(u => UnionCensus.IsUnion(schema.Schema(u), out _))
            .ToDictionary(
                u => u,
                u => new[] { "oneOf", "anyOf" }
                    .SelectMany(k => schema.Schema(u)[k] as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray())
                    .Select(a => a?["$ref"] is System.Text.Json.Nodes.JsonValue r && r.TryGetValue(out string? reference) ? schema.DefinitionOf(reference) : null)
                    .Where(d => d is not null)
                    .Select(d => d!)
                    .ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(new[] { definition });
        while (pending.Count > 0)
        {
            string variant = pending.Dequeue();
            foreach (var (union, variants) in variantsOf)
            {
                if (variants.Contains(variant) && union != definition && found.Add(union))
                {
                    pending.Enqueue(union);
                }
            }
        }

        return found.OrderBy(u => u, StringComparer.Ordinal);
    }

    private static void Fail(SchemaCase schemaCase, string what, List<string> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{schemaCase.Name}: {failures.Count} {what}:\n");
        foreach (string failure in failures.Take(MaxListed))
        {
            message.Append("  ").Append(failure).Append('\n');
        }

        if (failures.Count > MaxListed)
        {
            message.Append(CultureInfo.InvariantCulture, $"  ... and {failures.Count - MaxListed} more\n");
        }

        throw new XunitException(message.ToString());
    }

    private static string CountByCode(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.GroupBy(d => (d.Severity, d.Id)).OrderBy(g => g.Key.Id, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key.Severity.ToString().ToLowerInvariant()} {g.Key.Id}"));

    private static string List(IEnumerable<Diagnostic> diagnostics)
    {
        List<Diagnostic> all = diagnostics.ToList();
        var text = new StringBuilder();
        foreach (Diagnostic diagnostic in all.Take(MaxListed * 2))
        {
            text.Append("  ").Append(DiagnosticFormatter.Format(diagnostic)).Append('\n');
        }

        if (all.Count > MaxListed * 2)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ... and {all.Count - MaxListed * 2} more\n");
        }

        return text.ToString();
    }
}
