using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit.Sdk;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>One known fallback: what it is keyed by, and why the generator cannot type it yet.</summary>
/// <param name="Key">The diagnostic's <c>id pointer</c>, the union's pointer, or the example's label.</param>
/// <param name="Reason">One line: why it is not typed yet.</param>
public sealed record ExpectedFallback(string Key, string Reason);

/// <summary>
/// A union that no union type stands for, yet is typed wherever it is used (see <see cref="UnionTyping.WhereUsed"/>):
/// the check proves the claim of its <see cref="Form"/> at every place that uses it.
/// </summary>
/// <param name="Pointer">The union's pointer.</param>
/// <param name="Form">
/// <c>string</c> (every alternative is a string: the C# type is <c>string</c>), <c>list</c> (every alternative is an
/// array: the C# type is one list of typed items) or <c>record</c> (the alternatives only constrain the object's
/// declared properties: the C# type is the definition's record, with a property for each).
/// </param>
/// <param name="Reason">Why that form is the union's right type.</param>
public sealed record ExpectedTyping(string Pointer, string Form, string Reason);

/// <summary>
/// The fallbacks a corpus schema is known to have (<c>Schemas/&lt;name&gt;/expected-fallbacks.json</c>, see the
/// README there): the generator warnings, the unions not typed and the examples not round-tripping that the generator
/// cannot handle yet. The corpus checks require the actual fallbacks to EQUAL this list: a new one is a regression, and
/// one that no longer happens must be removed from the file, so the list stays the true state of the generator.
/// </summary>
public sealed class ExpectedFallbacks
{
    /// <summary>The file name in a corpus folder.</summary>
    public const string FileName = "expected-fallbacks.json";

    private ExpectedFallbacks(string source, IReadOnlyList<ExpectedFallback> diagnostics, IReadOnlyList<ExpectedFallback> untypedUnions, IReadOnlyList<ExpectedTyping> typedWhereUsed, IReadOnlyList<ExpectedFallback> examples)
    {
        Source = source;
        Diagnostics = diagnostics;
        UntypedUnions = untypedUnions;
        TypedWhereUsed = typedWhereUsed;
        Examples = examples;
    }

    /// <summary>No fallback allowed (a shape, or a corpus schema without the file).</summary>
    public static ExpectedFallbacks None { get; } = new("(none)", Array.Empty<ExpectedFallback>(), Array.Empty<ExpectedFallback>(), Array.Empty<ExpectedTyping>(), Array.Empty<ExpectedFallback>());

    /// <summary>Where the list comes from, for messages.</summary>
    public string Source { get; }

    /// <summary>Generator warnings, keyed <c>"PSG004 #/definitions/x"</c>.</summary>
    public IReadOnlyList<ExpectedFallback> Diagnostics { get; }

    /// <summary>Unions not typed, keyed by their JSON pointer.</summary>
    public IReadOnlyList<ExpectedFallback> UntypedUnions { get; }

    /// <summary>Unions typed where they are used though no union type stands for them, each with the form the check proves.</summary>
    public IReadOnlyList<ExpectedTyping> TypedWhereUsed { get; }

    /// <summary>
    /// Examples that do not decode to the expected type and back, keyed by their label and the kind of failure
    /// (<c>"issues$opened[0] | no generated type"</c>, see <see cref="FailureKind"/>), so a failure that turns into another fails too.
    /// </summary>
    public IReadOnlyList<ExpectedFallback> Examples { get; }

    /// <summary>The list of a corpus schema (none when it has no file).</summary>
    public static ExpectedFallbacks For(SchemaCase schemaCase)
    {
        ArgumentNullException.ThrowIfNull(schemaCase);
        string path = Path.Combine(Path.GetDirectoryName(schemaCase.SchemaPath)!, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), schemaCase.Name + "/" + FileName) : None;
    }

    /// <summary>
    /// Parses <c>{ "diagnostics": [{ "id", "pointer", "reason" }], "untypedUnions": [{ "pointer", "reason" }],
    /// "typedWhereUsed": [{ "pointer", "form", "reason" }], "examples": [{ "example", "failure", "reason" }] }</c>;
    /// every entry needs a non-empty reason, and a form is <c>string</c>, <c>list</c> or <c>record</c>.
    /// </summary>
    public static ExpectedFallbacks Parse(string json, string source)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var known = new HashSet<string>(StringComparer.Ordinal) { "$comment", "diagnostics", "untypedUnions", "typedWhereUsed", "examples" };
        foreach (JsonProperty property in root.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            throw new InvalidDataException($"{source}: unknown key '{property.Name}' (expected diagnostics, untypedUnions, typedWhereUsed, examples).");
        }

        List<ExpectedFallback> untyped = Entries(root, "untypedUnions", e => Text(e, "pointer", source), source);
        List<ExpectedTyping> typed = Entries(root, "typedWhereUsed", e => Text(e, "pointer", source), source)
            .Select(e => new ExpectedTyping(e.Key, FormOf(root, e.Key, source), e.Reason))
            .ToList();
        if (typed.FirstOrDefault(t => untyped.Any(u => u.Key == t.Pointer)) is { } both)
        {
            throw new InvalidDataException($"{source}: '{both.Pointer}' is listed both as untyped and as typed where used.");
        }

        return new ExpectedFallbacks(
            source,
            Entries(root, "diagnostics", e => Text(e, "id", source) + " " + Text(e, "pointer", source), source),
            untyped,
            typed,
            Entries(root, "examples", e => Text(e, "example", source) + " | " + Text(e, "failure", source), source));
    }

    private static string FormOf(JsonElement root, string pointer, string source)
    {
        JsonElement entry = root.GetProperty("typedWhereUsed").EnumerateArray().First(e => e.GetProperty("pointer").GetString() == pointer);
        string form = Text(entry, "form", source);
        return UnionTyping.Forms.Contains(form)
            ? form
            : throw new InvalidDataException($"{source}: '{pointer}' has form '{form}' (expected {string.Join(", ", UnionTyping.Forms)}).");
    }

    /// <summary>
    /// Fails unless the actual fallbacks (key, what happened) are exactly the expected ones: lists each new one with
    /// what happened, and each listed one that no longer happens with "remove it from expected-fallbacks.json".
    /// </summary>
    public static void AssertEqual(string schema, string what, IReadOnlyList<ExpectedFallback> expected, IEnumerable<(string Key, string Detail)> actual)
    {
        List<(string Key, string Detail)> happened = actual.ToList();
        var expectedKeys = new HashSet<string>(expected.Select(e => e.Key), StringComparer.Ordinal);
        var actualKeys = new HashSet<string>(happened.Select(a => a.Key), StringComparer.Ordinal);
        List<(string Key, string Detail)> unexpected = happened.Where(a => !expectedKeys.Contains(a.Key)).ToList();
        List<ExpectedFallback> gone = expected.Where(e => !actualKeys.Contains(e.Key)).ToList();
        if (unexpected.Count == 0 && gone.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        if (unexpected.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{schema}: {unexpected.Count} {what} not in {FileName} (a regression, or list it with its reason):\n");
            foreach (var (key, detail) in unexpected)
            {
                message.Append(CultureInfo.InvariantCulture, $"  [{key}] {detail}\n");
            }
        }

        if (gone.Count > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"{schema}: {gone.Count} {what} listed in {FileName} no longer happen(s): remove it from expected-fallbacks.json:\n");
            foreach (ExpectedFallback fallback in gone)
            {
                message.Append(CultureInfo.InvariantCulture, $"  [{fallback.Key}] ({fallback.Reason})\n");
            }
        }

        throw new XunitException(message.ToString());
    }

    /// <summary>The kind of an example failure line, as <c>"failure"</c> names it in the file.</summary>
    public static string FailureKind(string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Contains("no generated type", StringComparison.Ordinal) ? "no generated type"
            : failure.Contains("decoding throws", StringComparison.Ordinal) ? "decoding throws"
            : failure.Contains("encoding throws", StringComparison.Ordinal) ? "encoding throws"
            : failure.Contains("written back differently", StringComparison.Ordinal) ? "written back differently"
            : failure.Contains(" decoded as ", StringComparison.Ordinal) ? "decoded as another type"
            : failure.Contains(" as union ", StringComparison.Ordinal) ? "union throws"
            : "other";
    }

    private static List<ExpectedFallback> Entries(JsonElement root, string name, Func<JsonElement, string> key, string source)
    {
        if (!root.TryGetProperty(name, out JsonElement list))
        {
            return new List<ExpectedFallback>();
        }

        var entries = list.EnumerateArray().Select(e => new ExpectedFallback(key(e), Text(e, "reason", source))).ToList();
        if (entries.GroupBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{source}: '{twice.Key}' is listed twice under {name}.");
        }

        return entries;
    }

    private static string Text(JsonElement entry, string property, string source) =>
        entry.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()!
            : throw new InvalidDataException($"{source}: an entry lacks a non-empty \"{property}\": {entry.GetRawText()}");
}
