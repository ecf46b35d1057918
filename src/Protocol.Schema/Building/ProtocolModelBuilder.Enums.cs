using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>String enums to C# enums with an explicit unknown member.</summary>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly string[] UnknownMemberCandidates = { "Unknown", "Unrecognized", "UnknownValue" };

    private TypeRef BuildEnum(SchemaNode node, string nameHint)
    {
        var values = node.Value["enum"];
        if (values is not { Kind: SourceJsonKind.Array })
        {
            Report(SchemaDiagnostics.MalformedKeyword, node, "enum", "enum", "an array of values");
            return JsonRef;
        }

        var nullable = values.Items.Any(v => v.Kind == SourceJsonKind.Null);
        var strings = values.Items.Where(v => v.Kind != SourceJsonKind.Null).ToList();
        if (strings.Count > 0 && strings.All(v => v.Kind is SourceJsonKind.True or SourceJsonKind.False))
        {
            return Primitive(TypeKind.Boolean, "bool").WithNullable(nullable);
        }

        if (strings.Count > 0 && strings.All(v => v.Kind == SourceJsonKind.Number))
        {
            // Numeric codes (QoS levels, HTTP statuses): the number itself; the allowed values stay in the schema.
            return (strings.All(v => v.Text!.IndexOfAny(NumberMarks) < 0) ? Primitive(TypeKind.Int64, "long") : Primitive(TypeKind.Double, "double")).WithNullable(nullable);
        }

        if (strings.Find(v => v.Kind != SourceJsonKind.String) is { } bad)
        {
            Report(SchemaDiagnostics.UnsupportedEnum, node, bad.Start, bad.Length, nameHint, bad.Text ?? bad.Kind.ToString().ToLowerInvariant());
            return JsonRef.WithNullable(nullable);
        }

        var name = NameFor(node, nameHint);
        var type = NamedRef(TypeKind.Enum, node.File, name);

        // Memoised with its nullability: the property reached again (its definition merged by another allOf) keeps null.
        _built[node.Key] = type.WithNullable(nullable);
        var (members, unknown) = EnumMembers(node, strings.Select(s => s.Text!).Distinct().ToList());
        AddType(node.File, new EnumTypeModel(name, node.Description, ConverterName(name), members, unknown));
        return type.WithNullable(nullable);
    }

    /// <summary>Members named from wire values, and a free name for the unknown member.</summary>
    private (EquatableArray<EnumMemberModel> Members, string Unknown) EnumMembers(SchemaNode node, IReadOnlyList<string> wireValues, IEnumerable<string>? reserved = null)
    {
        var scope = new NameScope();
        var taken = new HashSet<string>(reserved ?? Enumerable.Empty<string>(), System.StringComparer.Ordinal);

        var members = new List<EnumMemberModel>();
        foreach (var wire in wireValues)
        {
            var wanted = Naming.ToPascal(wire);
            if (taken.Contains(wanted))
            {
                // A value named like a member of the generated type itself ("equals" on an open enum).
                wanted += "Value";
            }

            var (name, collided) = scope.Take(wanted, wire);
            if (collided is not null)
            {
                Report(SchemaDiagnostics.NameCollision, node, "enum", wanted, "the value '" + collided + "'", name);
            }

            members.Add(new EnumMemberModel(name, wire));
        }

        var unknown = UnknownMemberCandidates.FirstOrDefault(candidate => scope.Take(candidate, "(unknown)").CollidedWith is null)
            ?? scope.Take("UnknownValue", "(unknown)").Name;
        return (members.ToEquatableArray(), unknown);
    }
}
