using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// oneOf/anyOf that are not object unions: documented string consts (an enum), consts plus any string (an open
/// enum), and values of different JSON kinds (a kind union). Object unions are in the .Unions part.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>The type for alternatives that are not an object union, or null when they are one (or nothing fits).</summary>
    private TypeRef? ResolveNonObjectAlternatives(SchemaNode node, List<SchemaNode> alternatives, string nameHint)
    {
        var consts = alternatives.Select(a => StringConstOf(a)).ToList();
        var plainStrings = alternatives.Where((a, i) => consts[i] is null && IsPlainString(a)).ToList();
        if (consts.All(c => c is not null))
        {
            return BuildConstEnum(node, alternatives, nameHint, open: null);
        }

        if (plainStrings.Count == 1 && consts.Count(c => c is not null) == alternatives.Count - 1)
        {
            return BuildConstEnum(node, alternatives.Where((_, i) => consts[i] is not null).ToList(), nameHint, open: plainStrings[0]);
        }

        var kinds = alternatives.Select(a => KindOf(a)).ToList();
        if (kinds.Any(k => k is null) || kinds.All(k => k == JsonKind.Object))
        {
            return null;
        }

        if (kinds.All(k => k == JsonKind.Array) && alternatives.Select(ItemsOf).ToList() is var items && items.All(i => i is not null))
        {
            // Arrays only (GitHub's webhook events: a list of event names, or ["*"]): one array of either's items.
            var itemsNode = node with { Pointer = node.Pointer + "/(items)" };
            var itemAlternatives = items.Select(i => i!).ToList();
            var element = ResolveNonObjectAlternatives(itemsNode, itemAlternatives, nameHint + "Item") ?? BuildUnion(itemsNode, itemAlternatives, nameHint + "Item");
            return new ArrayTypeRef(element);
        }

        if (kinds.All(k => k == JsonKind.String))
        {
            // Strings of different formats or sets ("a URI, or the empty string"): a string keeps every one of them.
            return Primitive(TypeKind.String, "string");
        }

        // Several strings beside other kinds (Avro: a primitive type name, or the name of a custom type): as for
        // strings alone, one string case keeps every one of them.
        var severalStrings = kinds.Count(k => k == JsonKind.String) > 1;
        var distinct = kinds.Where(k => k != JsonKind.Object && !(severalStrings && k == JsonKind.String)).ToList();
        if (distinct.Distinct().Count() != distinct.Count)
        {
            return null;
        }

        if (CoversEveryKind(kinds.Select(k => k!.Value)))
        {
            return JsonRef;
        }

        var cases = alternatives.Select((a, i) => (kinds[i]!.Value, a)).Where(c => c.Value != JsonKind.Object && !(severalStrings && c.Value == JsonKind.String)).ToList();
        var ready = new List<(JsonKind Kind, TypeRef Type)>();
        if (severalStrings)
        {
            ready.Add((JsonKind.String, Primitive(TypeKind.String, "string")));
        }

        var objects = alternatives.Where((_, i) => kinds[i] == JsonKind.Object).ToList();
        if (objects.Count == 1)
        {
            cases.Add((JsonKind.Object, objects[0]));
        }
        else if (objects.Count > 1)
        {
            // Several objects beside other kinds (a schema, a reference, or true): the object case is their union.
            // The kind union is known by name before its objects are built, so an object that refers back to it
            // (Avro's record fields are Avro types again) refers to it; objects no rule splits are then its raw case.
            var name = NameFor(node, nameHint);
            _built[node.Key] = NamedRef(TypeKind.KindUnion, node.File, name);
            var union = ObjectsUnion(node, objects, name + "Object");
            ready.Add((JsonKind.Object, union.Kind == TypeKind.Json ? JsonRef : union));
            return BuildKindUnion(node, cases, name, ready, nameTaken: true);
        }

        return BuildKindUnion(node, cases, nameHint, ready);
    }

    /// <summary>The one schema of an array's items (following <c>$ref</c>), or null for a tuple or no <c>items</c>.</summary>
    private SchemaNode? ItemsOf(SchemaNode array)
    {
        var target = array;
        for (var depth = 0; depth < 16 && target.Value.StringOf("$ref") is { } reference; depth++)
        {
            if (FindReferenceQuietly(target, reference) is not { } next)
            {
                return null;
            }

            target = next;
        }

        return target.Child("items") is { Value.IsObject: true } items ? items : null;
    }

    /// <summary>
    /// The union of the object alternatives of a kind union. It is the same type as a plain union of the same
    /// alternatives written elsewhere (OpenAPI's <c>additionalProperties: oneOf [Schema, Reference, boolean]</c> and
    /// <c>not: oneOf [Schema, Reference]</c>): a variant can have one base record, so two such unions could not both
    /// take it.
    /// </summary>
    private TypeRef ObjectsUnion(SchemaNode node, List<SchemaNode> objects, string name)
    {
        var keyword = node.Value["oneOf"] is not null ? "oneOf" : "anyOf";
        var shapeKey = node.File.Source.Path + "\n{\"" + keyword + "\":[" + string.Concat(objects.Select(o => CanonicalJson(o.Value) + ",")) + "],}";
        if (_byShape.TryGetValue(shapeKey, out var same)
            || (_shapesInProgress.TryGetValue(shapeKey, out var first) && _built.TryGetValue(first, out same)))
        {
            return same;
        }

        var objectsNode = node with { Pointer = node.Pointer + "/(objects)" };
        _shapesInProgress[shapeKey] = objectsNode.Key;
        var union = BuildUnion(objectsNode, objects, name);
        _shapesInProgress.Remove(shapeKey);
        if (union.Kind == TypeKind.Union)
        {
            _byShape[shapeKey] = union;
        }

        return union;
    }

    /// <summary>A <c>type</c> listing several JSON types: a kind union, or "any value" (JsonElement, silently).</summary>
    private TypeRef ResolveSeveralTypes(SchemaNode node, List<string> types, string nameHint)
    {
        var kinds = types.Select(KindOfTypeName).ToList();
        if (types.FirstOrDefault(t => KindOfTypeName(t) is null) is { } unknown)
        {
            Report(SchemaDiagnostics.UnsupportedShape, node, "type", node.Pointer, "the type '" + unknown + "'", "use string, integer, number, boolean, array or object");
            return JsonRef;
        }

        if (CoversEveryKind(kinds.Select(k => k!.Value)))
        {
            return JsonRef;
        }

        return BuildKindUnion(node, kinds.Select(k => (k!.Value, node)).ToList(), nameHint);
    }

    /// <summary>Whether values of these kinds are any JSON value (integer counts as number; null is handled apart).</summary>
    private static bool CoversEveryKind(IEnumerable<JsonKind> kinds)
        => new HashSet<JsonKind>(kinds.Select(k => k == JsonKind.Integer ? JsonKind.Number : k))
            .IsSupersetOf(new[] { JsonKind.String, JsonKind.Number, JsonKind.Boolean, JsonKind.Array, JsonKind.Object });

    private TypeRef BuildConstEnum(SchemaNode node, List<SchemaNode> alternatives, string nameHint, SchemaNode? open)
    {
        var name = NameFor(node, nameHint);
        var wires = alternatives.Select(a => StringConstOf(a)!).ToList();
        var (members, unknown) = EnumMembers(node, wires.Distinct().ToList(), open is null ? null : ExtensibleEnumReserved(name));
        var described = members
            .Select(m => m with { Description = alternatives[wires.IndexOf(m.WireValue)].Description })
            .ToEquatableArray();
        if (open is null)
        {
            var type = NamedRef(TypeKind.Enum, node.File, name);
            _built[node.Key] = type;
            AddType(node.File, new EnumTypeModel(name, node.Description, ConverterName(name), described, unknown));
            return type;
        }

        var extensible = NamedRef(TypeKind.ExtensibleEnum, node.File, name);
        _built[node.Key] = extensible;
        AddType(node.File, new ExtensibleEnumTypeModel(name, node.Description, ConverterName(name), described, open.Description));
        return extensible;
    }

    private static HashSet<string> ExtensibleEnumReserved(string typeName)
        => new(System.StringComparer.Ordinal) { typeName, "Equals", "GetHashCode", "ToString", "GetType", "Value" };

    private TypeRef BuildKindUnion(SchemaNode node, List<(JsonKind Kind, SchemaNode Schema)> cases, string nameHint, List<(JsonKind Kind, TypeRef Type)>? built = null, bool nameTaken = false)
    {
        var name = nameTaken ? nameHint : NameFor(node, nameHint);
        var union = NamedRef(TypeKind.KindUnion, node.File, name);
        _built[node.Key] = union;
        var models = new List<KindUnionCaseModel>();
        var all = cases.Select(c => (c.Kind, (SchemaNode?)c.Schema, (TypeRef?)null)).ToList();
        foreach (var extra in built ?? new List<(JsonKind Kind, TypeRef Type)>())
        {
            all.Add((extra.Kind, null, extra.Type));
        }

        foreach (var (kind, schema, ready) in all.OrderBy(c => c.Kind))
        {
            var caseName = kind.ToString();
            // The case of a "type" list is the node itself: under another key, so its record does not take the union's name.
            var type = ready ?? (schema == node
                ? ResolveTyped(node with { Pointer = node.Pointer + "/(" + KindTypeName(kind) + ")" }, KindTypeName(kind), name + caseName)
                : Resolve(schema!, name + caseName).WithNullable(false));
            // C# allows no conversion from an interface (a union some variant shares) nor from a type not yet known to be a class.
            var conversion = type is ArrayTypeRef array ? array.Element.Declaration + "[]"
                : type.Kind is TypeKind.Map or TypeKind.Json ? null
                : type.Kind == TypeKind.Union && !IsRecordUnion(type) ? null
                : type.TypeName;
            models.Add(new KindUnionCaseModel(caseName, kind, type, models.Count + 1, conversion));
        }

        AddType(node.File, new KindUnionTypeModel(name, node.Description, ConverterName(name), models.ToEquatableArray()));
        return union;
    }

    private bool IsRecordUnion(TypeRef union)
        => _typesByFile.Values.SelectMany(t => t).OfType<UnionTypeModel>().Any(u => !u.IsInterface && union.TypeName.EndsWith("." + u.Name, System.StringComparison.Ordinal));

    private static string KindTypeName(JsonKind kind) => kind switch
    {
        JsonKind.String => "string",
        JsonKind.Integer => "integer",
        JsonKind.Number => "number",
        JsonKind.Boolean => "boolean",
        JsonKind.Array => "array",
        _ => "object",
    };

    private static JsonKind? KindOfTypeName(string type) => type switch
    {
        "string" => JsonKind.String,
        "integer" => JsonKind.Integer,
        "number" => JsonKind.Number,
        "boolean" => JsonKind.Boolean,
        "array" => JsonKind.Array,
        "object" => JsonKind.Object,
        _ => null,
    };

    /// <summary>The one JSON kind a schema's values have, following <c>$ref</c>; null when several or unknown.</summary>
    private JsonKind? KindOf(SchemaNode node) => KindOf(node, 0);

    private JsonKind? KindOf(SchemaNode node, int depth)
    {
        var value = node.Value;
        if (!value.IsObject || depth > 16)
        {
            return null;
        }

        if (value.StringOf("$ref") is { } reference)
        {
            return FindReferenceQuietly(node, reference) is { } target ? KindOf(target, depth + 1) : null;
        }

        if (value["type"] is { Kind: SourceJsonKind.String } type)
        {
            return KindOfTypeName(type.Text!);
        }

        if ((value["oneOf"] is not null || value["anyOf"] is not null) && Alternatives(node) is { } alternatives)
        {
            // A union whose alternatives are all of one kind (a union of objects) has that kind.
            var kinds = alternatives.Where(a => !IsNullSchema(a)).Select(a => KindOf(a, depth + 1)).Distinct().ToList();
            return kinds.Count == 1 ? kinds[0] : null;
        }

        if (value["allOf"] is { Kind: SourceJsonKind.Array } allOf)
        {
            return allOf.Items.Count > 0 && node.Child("allOf") is { } parts
                ? allOf.Items.Select((item, i) => KindOf(parts.Item(item, i), depth + 1)).FirstOrDefault(k => k is not null)
                : null;
        }

        if (value["enum"] is not null || value["const"] is { Kind: SourceJsonKind.String })
        {
            return value["enum"] is { Kind: SourceJsonKind.Array } values && values.Items.All(v => v.Kind == SourceJsonKind.String) || value["const"] is not null
                ? JsonKind.String
                : null;
        }

        return value["properties"] is not null || value["additionalProperties"] is not null ? JsonKind.Object
            : value["items"] is not null || value["prefixItems"] is not null ? JsonKind.Array
            : null;
    }

    /// <summary>The string a schema allows as its only value (<c>const</c>, or an <c>enum</c> of one), or null.</summary>
    private static string? StringConstOf(SchemaNode node)
    {
        var value = node.Value;
        if (!value.IsObject || value["properties"] is not null || value["$ref"] is not null
            || value["type"] is { } type && !(type.Kind == SourceJsonKind.String && type.Text == "string"))
        {
            return null;
        }

        return value["const"] is { Kind: SourceJsonKind.String } constant ? constant.Text
            : value["enum"] is { Kind: SourceJsonKind.Array, Items.Count: 1 } one && one.Items[0].Kind == SourceJsonKind.String ? one.Items[0].Text
            : null;
    }

    /// <summary>Any string: <c>{"type":"string"}</c> with nothing that restricts it to a set or a format we map.</summary>
    private static bool IsPlainString(SchemaNode node)
        => node.Value.IsObject
           && node.Value["type"] is { Kind: SourceJsonKind.String, Text: "string" }
           && node.Value["const"] is null && node.Value["enum"] is null && node.Value["format"] is null && node.Value["$ref"] is null;
}
