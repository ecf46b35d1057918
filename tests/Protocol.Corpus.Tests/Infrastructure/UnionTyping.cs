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
    /// <summary>What became of <paramref name="site"/>.</summary>
    public static UnionOutcome Check(GeneratedProtocol generated, UnionSite site)
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(site);
        Assembly? assembly = generated.Assembly;
        if (assembly is null)
        {
            return new UnionOutcome(site, false, "the generated code does not compile");
        }

        Type? type = generated.TypeOf(site.Definition);
        if (type is null)
        {
            return new UnionOutcome(site, false, $"no generated type for definition '{site.Definition}'");
        }

        foreach (string step in site.Steps)
        {
            Type? next = step switch
            {
                "[]" => ElementType(type),
                "{}" => MapValueType(type),
                _ => Property(type, step)?.PropertyType,
            };
            if (next is null)
            {
                return new UnionOutcome(site, false, $"no public member for '{step}' on {type.Name}");
            }

            type = Nullable.GetUnderlyingType(next) ?? next;
        }

        return Classify(type, assembly) is { } typedAs
            ? new UnionOutcome(site, true, $"{type.Name} ({typedAs})")
            : new UnionOutcome(site, false, $"becomes {Describe(type)}");
    }

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
