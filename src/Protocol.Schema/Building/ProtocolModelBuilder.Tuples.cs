using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>Arrays read by position: draft-07 <c>"items": [ ... ]</c> and 2020-12 <c>prefixItems</c>.</summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>
    /// The positions of a tuple array and the keyword that governs the items after them, or null when the array has
    /// one schema for every item. <c>prefixItems</c> (2020-12) is followed by <c>items</c>; draft-07's array-valued
    /// <c>items</c> by <c>additionalItems</c>.
    /// </summary>
    private static (SchemaNode Positions, string RestKeyword)? TuplePositions(SchemaNode array)
        => array.Child("prefixItems") is { Value.Kind: SourceJsonKind.Array } prefix ? (prefix, "items")
            : array.Child("items") is { Value.Kind: SourceJsonKind.Array } items ? (items, "additionalItems")
            : null;

    private TypeRef BuildTuple(SchemaNode node, SchemaNode positionsNode, string restKeyword, string nameHint)
    {
        var name = NameFor(node, nameHint);
        var tuple = NamedRef(TypeKind.Tuple, node.File, name);
        _built[node.Key] = tuple;

        var minItems = node.Value["minItems"] is { Kind: SourceJsonKind.Number } min
                       && int.TryParse(min.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var positionNodes = positionsNode.Value.Items.Select((item, index) => positionsNode.Item(item, index)).ToList();
        var required = System.Math.Min(minItems, positionNodes.Count);

        var restNode = node.Child(restKeyword);
        var restName = "Rest";
        var names = TuplePositionNames(positionNodes, name, restName);
        if (names.Contains(restName))
        {
            restName = "RestItems";
        }

        var positions = new List<TuplePositionModel>();
        for (var i = 0; i < positionNodes.Count; i++)
        {
            var position = positionNodes[i];
            var type = position.Value.Kind == SourceJsonKind.True || AcceptsAnything(position) ? JsonRef : Resolve(position, name + names[i]);
            var isRequired = i < required;
            positions.Add(new TuplePositionModel(names[i], i, isRequired ? type : type.WithNullable(true), isRequired, position.Description));
        }

        TupleRestModel? rest = null;
        if (restNode is null || restNode.Value.Kind != SourceJsonKind.False)
        {
            // Absent or true, the schema allows any items after the positions (JSON Schema's default): they are kept
            // as received, so a relay loses nothing; a schema for them types them.
            var element = restNode is null || restNode.Value.Kind == SourceJsonKind.True || AcceptsAnything(restNode)
                ? JsonRef
                : Resolve(restNode, name + restName + "Item");
            rest = new TupleRestModel(restName, new ArrayTypeRef(element, isNullable: true), restNode?.Description);
        }

        AddType(node.File, new TupleTypeModel(name, node.Description, ConverterName(name), positions.ToEquatableArray(), required, rest));
        return tuple;
    }

    /// <summary>
    /// Each position's property name: its <c>title</c>, else the name of the definition its <c>$ref</c> points at, else
    /// <c>Item1</c>, <c>Item2</c>... (as <c>System.Tuple</c>); a name another position takes too, or one the record
    /// has already, falls back to the numbered one.
    /// </summary>
    private static List<string> TuplePositionNames(List<SchemaNode> positions, string tupleName, string restName)
    {
        var numbered = positions.Select((_, i) => "Item" + (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var named = positions.Select(p => PositionNameHint(p) is { Length: > 0 } hint && char.IsLetter(hint[0]) ? hint : null).ToList();
        var names = new List<string>();
        for (var i = 0; i < positions.Count; i++)
        {
            var candidate = named[i];
            var clashes = candidate is null
                || named.Count(n => n == candidate) > 1
                || numbered.Contains(candidate)
                || candidate == tupleName || candidate == restName || Naming.RecordMembers.Contains(candidate);
            names.Add(clashes ? numbered[i] : candidate!);
        }

        return names;
    }

    private static string? PositionNameHint(SchemaNode position)
    {
        if (!position.Value.IsObject)
        {
            return null;
        }

        if (position.Value.StringOf("title") is { } title)
        {
            return Naming.ToPascal(title);
        }

        return position.Value.StringOf("$ref") is { } reference && reference.LastIndexOf('/') is var slash and >= 0
            ? Naming.ToPascal(Naming.UnescapePointerToken(reference.Substring(slash + 1)))
            : null;
    }
}
