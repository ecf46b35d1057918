using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// <c>anyOf</c> whose alternatives overlap in JSON kind and that neither a union of kinds nor a union of objects can
/// split (an alternative is itself a union of several kinds): <c>anyOf</c>, unlike <c>oneOf</c>, lets a value satisfy
/// several alternatives, so taking the first listed that it satisfies is the schema's meaning, not a guess.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>The union of an <c>anyOf</c> read by first match, or null when the alternatives are not of that form.</summary>
    private TypeRef? ResolveAnyOfByFirstMatch(SchemaNode node, List<SchemaNode> alternatives, string nameHint)
    {
        if (node.Value["anyOf"] is null || node.Value["oneOf"] is not null)
        {
            return null;
        }

        var kinds = alternatives.Select(a => KindsOf(a, 0)).ToList();
        if (kinds.Any(k => k is null) || kinds.All(k => k!.Count == 1))
        {
            return null;
        }

        var name = NameFor(node, nameHint);
        var union = NamedRef(TypeKind.KindUnion, node.File, name);
        _built[node.Key] = union;

        var names = new List<string>();
        var types = new List<TypeRef>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var caseName = AlternativeName(alternatives[i]) is { } n && !names.Contains(n) && n != name ? n : "Alternative" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            names.Add(caseName);
            types.Add(Resolve(alternatives[i], name + caseName).WithNullable(false));
        }

        var cases = new List<AnyOfCaseModel>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var type = types[i];
            var mask = kinds[i]!.Aggregate(0, (m, k) => m | (1 << (int)k));
            // C# allows no conversion from an interface, nor two conversions from one type.
            var conversion = type is ArrayTypeRef array ? array.Element.Declaration + "[]"
                : type.Kind is TypeKind.Map or TypeKind.Json || (type.Kind == TypeKind.Union && !IsRecordUnion(type)) ? null
                : type.TypeName;
            if (conversion is not null && types.Where((t, j) => j != i && t.TypeName == type.TypeName).Any())
            {
                conversion = null;
            }

            cases.Add(new AnyOfCaseModel(names[i], type, mask, i + 1, conversion, Recognition(i)));
        }

        AddType(node.File, new AnyOfUnionTypeModel(name, node.Description, ConverterName(name), cases.ToEquatableArray()));
        return union;

        string Recognition(int index)
        {
            var parts = new List<string>();
            foreach (var kind in kinds[index]!.OrderBy(k => k))
            {
                var before = Enumerable.Range(0, index).Where(j => kinds[j]!.Contains(kind)).Select(j => names[j]).ToList();
                var after = Enumerable.Range(index + 1, alternatives.Count - index - 1).Any(j => kinds[j]!.Contains(kind));
                var word = KindUnionCaseModel.WithArticle(kind);
                parts.Add(before.Count == 0 && !after ? word + " is always this case"
                    : (before.Count == 0 ? word + " is tried as this case first" : word + " that is not " + string.Join(" nor ", before) + " is tried as this case")
                      + (after ? ", and taken when it reads and writes back the same JSON" : " and taken"));
            }

            return "Listed " + Ordinal(index + 1) + " in the schema's anyOf, whose first satisfied alternative wins: " + string.Join("; ", parts) + ".";
        }
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "th",
    };

    /// <summary>The name of the definition an alternative refers to (<c>Reference</c>, <c>Schema</c>), or its title, or null.</summary>
    private string? AlternativeName(SchemaNode alternative)
        => alternative.Value.StringOf("$ref") is { } reference && FindReferenceQuietly(alternative, reference) is { } target
           && _definitionNames.TryGetValue(target.Key, out var definition) ? definition
            : alternative.Value.IsObject && alternative.Value.StringOf("title") is { } title && Naming.ToPascal(title) is { Length: > 0 } titled && char.IsLetter(titled[0]) ? titled
            : null;

    /// <summary>Every JSON kind a schema takes (a union's alternatives' together), or null when one is unknown.</summary>
    private HashSet<JsonKind>? KindsOf(SchemaNode node, int depth)
    {
        if (KindOf(node) is { } single)
        {
            return new HashSet<JsonKind> { single };
        }

        if (depth > 16 || !node.Value.IsObject)
        {
            return null;
        }

        if (node.Value.StringOf("$ref") is { } reference)
        {
            return FindReferenceQuietly(node, reference) is { } target ? KindsOf(target, depth + 1) : null;
        }

        if ((node.Value["oneOf"] is null && node.Value["anyOf"] is null) || Alternatives(node) is not { } alternatives)
        {
            return null;
        }

        var all = new HashSet<JsonKind>();
        foreach (var alternative in alternatives.Where(a => !IsNullSchema(a)))
        {
            if (KindsOf(alternative, depth + 1) is not { } kinds)
            {
                return null;
            }

            all.UnionWith(kinds);
        }

        return all.Count == 0 ? null : all;
    }
}
