using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>What became of one union in the generated code.</summary>
/// <param name="Site">The union.</param>
/// <param name="IsTyped">Whether it became a typed form (see <see cref="UnionTyping"/>).</param>
/// <param name="Outcome">The C# type found, or why none was.</param>
public sealed record UnionOutcome(UnionSite Site, bool IsTyped, string Outcome);

/// <summary>A place that uses a union, and the C# type there.</summary>
/// <param name="Place">The path (<c>ping$event.hook.events</c>).</param>
/// <param name="Type">The C# type there (<c>Nullable&lt;T&gt;</c> looked through), or null when none was found.</param>
/// <param name="Problem">Why no type was found, or null.</param>
public sealed record UseOfUnion(string Place, Type? Type, string? Problem);

/// <summary>
/// Finds the C# type generated at a union's place and says whether the union is typed. The place is followed
/// through public members: the definition's type (<see cref="GeneratedProtocol.TypeOf"/>), then for each step the
/// property whose name matches the wire name by letters and digits, the element type of a list or the value type of
/// a dictionary; <c>Nullable&lt;T&gt;</c> is looked through. The union is typed when that type is
/// <list type="bullet">
/// <item>an enum (a union of <c>const</c> values); or, generated in the assembly,</item>
/// <item>an abstract class with at least one generated subclass (a hierarchy of variants), or</item>
/// <item>a type with a public <c>Match</c> method (a union of JSON kinds), or</item>
/// <item>a struct (an extensible enum: known values plus any other string).</item>
/// </list>
/// Anything else is not typed: <c>JsonElement</c>, <c>JsonNode</c>, <c>object</c>, <c>string</c>, or one class with
/// every variant's properties flattened into it.
/// </summary>
public static class UnionTyping
{
    /// <summary>The forms of a union typed where it is used (<see cref="ExpectedTyping.Form"/>).</summary>
    public static IReadOnlyList<string> Forms { get; } = new[] { "string", "list", "record" };

    /// <summary>What became of <paramref name="site"/> (see <see cref="Check(Assembly, Func{string, Type?}, UnionCensus, UnionSite, ExpectedTyping?)"/>).</summary>
    public static UnionOutcome Check(GeneratedProtocol generated, UnionCensus census, UnionSite site, ExpectedTyping? listed = null)
    {
        ArgumentNullException.ThrowIfNull(generated);
        return generated.Assembly is { } assembly
            ? Check(assembly, generated.TypeOf, census, site, listed)
            : new UnionOutcome(site, false, "the generated code does not compile");
    }

    /// <summary>
    /// What became of <paramref name="site"/>: typed when, at every place that uses it (<see cref="WhereUsed"/>), the
    /// C# type is a typed form (<see cref="Classify"/>); or, for a union <paramref name="listed"/> as typed where used,
    /// when its form holds at every such place (<see cref="ProveForm"/>), which are then its own type and every
    /// reference to it. A listed union the first rule types already is reported too, so the list stays exact.
    /// </summary>
    /// <param name="assembly">The generated assembly.</param>
    /// <param name="typeOf">The generated type of a definition, or null.</param>
    /// <param name="census">The schema's census (for the uses of a definition).</param>
    /// <param name="site">The union.</param>
    /// <param name="listed">Its entry under <c>typedWhereUsed</c>, or null.</param>
    public static UnionOutcome Check(Assembly assembly, Func<string, Type?> typeOf, UnionCensus census, UnionSite site, ExpectedTyping? listed)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(typeOf);
        ArgumentNullException.ThrowIfNull(census);
        ArgumentNullException.ThrowIfNull(site);
        List<UseOfUnion> uses = WhereUsed(typeOf, census, site, withReferences: listed is not null);
        if (uses.Count == 0)
        {
            return new UnionOutcome(site, false, $"no generated type for definition '{site.Definition}', and no use of it with a public path");
        }

        if (uses.FirstOrDefault(u => u.Type is null) is { } lost)
        {
            return new UnionOutcome(site, false, uses.Count == 1 && lost.Place == site.Path ? lost.Problem! : $"at {lost.Place}: {lost.Problem}");
        }

        List<(UseOfUnion Use, string? Form)> classified = uses.Select(u => (u, Classify(u.Type!, assembly))).ToList();
        bool typedByForm = classified.All(c => c.Form is not null);
        if (listed is null)
        {
            if (typedByForm)
            {
                return new UnionOutcome(site, true, string.Join("; ", classified.Select(c => (c.Use.Place == site.Path ? string.Empty : "at " + c.Use.Place + ": ") + $"{c.Use.Type!.Name} ({c.Form})").Distinct()));
            }

            UseOfUnion untyped = classified.First(c => c.Form is null).Use;
            return new UnionOutcome(site, false, (untyped.Place == site.Path ? string.Empty : "at " + untyped.Place + ": ") + $"becomes {Describe(untyped.Type!)}");
        }

        if (typedByForm)
        {
            return new UnionOutcome(site, false, $"listed under typedWhereUsed, but typed as a union type at every use ({string.Join(", ", classified.Select(c => c.Form).Distinct())}): remove it from the list");
        }

        return ProveForm(listed.Form, site, typeOf(site.Definition), uses, assembly) is { } problem
            ? new UnionOutcome(site, false, $"listed as typed where used ({listed.Form}), but {problem}")
            : new UnionOutcome(site, true, $"{listed.Form} at {uses.Count} use(s): {string.Join(", ", uses.Select(u => u.Place + " " + Show(u.Type!)).Distinct())}");
    }

    /// <summary>
    /// The places that use <paramref name="site"/>'s union, with the C# type at each: the type of its definition (then
    /// its steps) when the definition has one; when it has none (an array definition), or <paramref name="withReferences"/>,
    /// the type at each place that refers to the definition (<see cref="UnionCensus.UsesOf"/>), then the site's steps.
    /// A referring definition with no type of its own (a one-item <c>oneOf</c> wrapper) is followed to its own uses.
    /// </summary>
    public static List<UseOfUnion> WhereUsed(Func<string, Type?> typeOf, UnionCensus census, UnionSite site, bool withReferences)
    {
        ArgumentNullException.ThrowIfNull(typeOf);
        ArgumentNullException.ThrowIfNull(census);
        ArgumentNullException.ThrowIfNull(site);
        var uses = new List<UseOfUnion>();
        Type? own = typeOf(site.Definition);
        if (own is not null)
        {
            uses.Add(Follow(site.Path, own, site.Steps));
        }

        if (own is null || withReferences)
        {
            AddReferences(site.Definition, site.Steps, new HashSet<string>(StringComparer.Ordinal) { site.Definition });
        }

        return uses;

        // A definition with no type of its own (a one-item oneOf wrapper, an array) is used where it is used.
        void AddReferences(string definition, IReadOnlyList<string> tail, HashSet<string> visiting)
        {
            foreach (UseSite use in census.UsesOf(definition))
            {
                List<string> steps = use.Steps.Concat(tail).ToList();
                if (typeOf(use.Definition) is { } holder)
                {
                    uses.Add(Follow(steps.Count == 0 ? use.Definition : use.Definition + "." + string.Join(".", steps), holder, steps));
                }
                else if (visiting.Add(use.Definition))
                {
                    AddReferences(use.Definition, steps, visiting);
                }
            }
        }
    }

    /// <summary>
    /// Null when <paramref name="form"/> holds for the union and every use, else what does not:
    /// <list type="bullet">
    /// <item><c>string</c>: every alternative is a string schema, and every use is <c>string</c>;</item>
    /// <item><c>list</c>: every alternative is an array schema, and every use is one list whose items are not
    /// <c>JsonElement</c>, <c>JsonNode</c> or <c>object</c>;</item>
    /// <item><c>record</c>: every alternative only constrains properties the union's schema declares (their values by
    /// <c>const</c>/<c>enum</c>, their presence by <c>required</c> and <c>not: {required}</c>), and every use is the
    /// definition's own generated class, which has a public property for each declared one.</item>
    /// </list>
    /// </summary>
    public static string? ProveForm(string form, UnionSite site, Type? own, IReadOnlyList<UseOfUnion> uses, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(uses);
        List<JsonObject?> alternatives = Alternatives(site.Schema);
        switch (form)
        {
            case "string":
                if (alternatives.FirstOrDefault(a => !IsStringSchema(a)) is { } notString)
                {
                    return $"an alternative is not a string: {notString?.ToJsonString() ?? "(not an object)"}";
                }

                return uses.FirstOrDefault(u => u.Type != typeof(string)) is { } nonString ? $"at {nonString.Place} it is {Show(nonString.Type!)}, not String" : null;
            case "list":
                if (alternatives.FirstOrDefault(a => a?["type"] is not JsonValue t || !t.TryGetValue(out string? kind) || kind != "array") is { } notArray)
                {
                    return $"an alternative is not an array: {notArray?.ToJsonString() ?? "(not an object)"}";
                }

                foreach (UseOfUnion use in uses)
                {
                    Type? item = use.Type == typeof(string) ? null : ElementType(use.Type!);
                    item = item is null ? null : Nullable.GetUnderlyingType(item) ?? item;
                    if (item is null || item == typeof(JsonElement) || item == typeof(object) || typeof(JsonNode).IsAssignableFrom(item))
                    {
                        return $"at {use.Place} it is {Show(use.Type!)}, not a list of typed items";
                    }
                }

                return null;
            case "record":
                var declared = site.Schema["properties"] is JsonObject properties ? properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
                if (alternatives.Select(a => ConstrainsOnly(a, declared)).FirstOrDefault(p => p is not null) is { } constraint)
                {
                    return constraint;
                }

                if (own is null || own.Assembly != assembly || own.IsAbstract || own.IsValueType)
                {
                    return $"definition '{site.Definition}' has no generated record ({(own is null ? "none" : Show(own))})";
                }

                if (declared.FirstOrDefault(p => Property(own, p) is null) is { } missing)
                {
                    return $"{own.Name} has no property for '{missing}'";
                }

                return uses.FirstOrDefault(u => u.Type != own) is { } other ? $"at {other.Place} it is {Show(other.Type!)}, not {own.Name}" : null;
            default:
                return $"'{form}' is no form (expected {string.Join(", ", Forms)})";
        }
    }

    private static UseOfUnion Follow(string place, Type type, IReadOnlyList<string> steps)
    {
        foreach (string step in steps)
        {
            Type? next = step switch
            {
                "[]" => ElementType(type),
                "{}" => MapValueType(type),
                _ => Property(type, step)?.PropertyType,
            };
            if (next is null)
            {
                return new UseOfUnion(place, null, $"no public member for '{step}' on {type.Name}");
            }

            type = Nullable.GetUnderlyingType(next) ?? next;
        }

        return new UseOfUnion(place, type, null);
    }

    // The non-null alternatives of a oneOf/anyOf (null for one that is not an object).
    private static List<JsonObject?> Alternatives(JsonObject union)
    {
        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (union[keyword] is JsonArray alternatives)
            {
                return alternatives.Where(a => !(a is JsonObject o && ((o["type"] is JsonValue t && t.TryGetValue(out string? kind) && kind == "null") || (o.ContainsKey("const") && o["const"] is null))))
                    .Select(a => a as JsonObject)
                    .ToList();
            }
        }

        return new List<JsonObject?>();
    }

    private static bool IsStringSchema(JsonObject? alternative) =>
        alternative is not null
        && (alternative["type"] is JsonValue t ? t.TryGetValue(out string? kind) && kind == "string"
            : alternative["enum"] is JsonArray values ? values.All(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            : alternative["const"] is JsonValue constant && constant.GetValueKind() == JsonValueKind.String);

    // Null when the alternative only constrains declared properties, else what it does besides.
    private static string? ConstrainsOnly(JsonObject? alternative, HashSet<string> declared)
    {
        if (alternative is null)
        {
            return "an alternative is not an object schema";
        }

        if (alternative.FirstOrDefault(k => k.Key is not ("properties" or "required" or "not" or "description" or "title" or "$comment")) is { Key: { } keyword })
        {
            return $"an alternative has '{keyword}', so it is more than a constraint on the declared properties";
        }

        IEnumerable<string> named = (alternative["properties"] as JsonObject)?.Select(p => p.Key) ?? Enumerable.Empty<string>();
        named = named.Concat(Names(alternative["required"]));
        if (alternative["not"] is { } not)
        {
            if (not is not JsonObject negated || negated.Any(k => k.Key != "required"))
            {
                return "an alternative's 'not' does more than forbid declared properties";
            }

            named = named.Concat(Names(negated["required"]));
        }

        if (named.FirstOrDefault(n => !declared.Contains(n)) is { } undeclared)
        {
            return $"an alternative names '{undeclared}', which the union's schema does not declare";
        }

        if ((alternative["properties"] as JsonObject)?.FirstOrDefault(p => p.Value is not JsonObject value || value.Any(k => k.Key is not ("const" or "enum" or "description"))) is { Key: { } reshaped })
        {
            return $"an alternative gives '{reshaped}' a schema of its own, not only its values";
        }

        return null;
    }

    private static IEnumerable<string> Names(JsonNode? list) =>
        list is JsonArray names ? names.Select(n => n?.GetValue<string>() ?? string.Empty) : Enumerable.Empty<string>();

    private static string Show(Type type) =>
        type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Show)) + ">" : type.Name;

    /// <summary>The typed form <paramref name="type"/> is, or null when it is not one.</summary>
    public static string? Classify(Type type, Assembly generated)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(generated);
        if (type.IsEnum)
        {
            return "enum";
        }

        if (type.Assembly != generated || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return null;
        }

        if (type.IsAbstract && generated.GetExportedTypes().Any(t => t != type && type.IsAssignableFrom(t) && !t.IsAbstract))
        {
            return "hierarchy";
        }

        if (type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.Name == "Match"))
        {
            return "kind union";
        }

        return type.IsValueType ? "extensible enum" : null;
    }

    /// <summary>The public instance property whose name matches <paramref name="wireName"/> by letters and digits.</summary>
    public static PropertyInfo? Property(Type type, string wireName)
    {
        string key = GeneratedProtocol.NameKey(wireName);
        List<PropertyInfo> matches = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && GeneratedProtocol.NameKey(p.Name) == key)
            .ToList();
        return matches.FirstOrDefault(p => string.Equals(p.Name, wireName, StringComparison.OrdinalIgnoreCase)) ?? matches.FirstOrDefault();
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return Interfaces(type).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault();
    }

    private static Type? MapValueType(Type type) =>
        Interfaces(type).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            .Select(i => i.GetGenericArguments()[1])
            .FirstOrDefault();

    private static IEnumerable<Type> Interfaces(Type type) => type.IsInterface ? type.GetInterfaces().Prepend(type) : type.GetInterfaces();

    private static string Describe(Type type) =>
        type.Namespace is "System" or "System.Text.Json" or "System.Text.Json.Nodes" ? type.Name
        : type.IsAbstract ? $"{type.Name} (abstract, with no generated subclass)"
        : $"{type.Name} (one class, not a union type)";
}
