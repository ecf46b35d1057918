using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>Mapping one schema to a <see cref="TypeRef"/>.</summary>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly char[] NumberMarks = { '.', 'e', 'E' };

    private static readonly TypeRef JsonRef = new JsonElementTypeRef();

    private static ScalarTypeRef Primitive(TypeKind kind, string name) => new(kind, name);

    /// <summary>
    /// The C# type of a schema. <paramref name="name"/> is used if the schema needs a type of its own
    /// (an inline object, enum or union); it is the definition's reserved name or a name made from
    /// the parent's name and the property's.
    /// </summary>
    private TypeRef Resolve(SchemaNode node, string name)
    {
        if (_built.TryGetValue(node.Key, out var done))
        {
            return done;
        }

        // An inline schema written out again, word for word, elsewhere in the file is the same type (published schemas
        // repeat their content blocks in every message): reuse it rather than generate a copy under another name.
        if (!_definitionNames.ContainsKey(node.Key) && node.Value.IsObject && node.Value["$ref"] is null
            && (node.Value["properties"] is not null || node.Value["oneOf"] is not null || node.Value["anyOf"] is not null || node.Value["enum"] is not null))
        {
            var shapeKey = node.File.Source.Path + "\n" + CanonicalJson(node.Value);
            if (_byShape.TryGetValue(shapeKey, out var same))
            {
                _built[node.Key] = same;
                return same;
            }

            // The same text met again while the first is still being built (OpenAPI's oneOf [Schema, Reference] inside
            // Schema's own properties) is that type too: its name is known as soon as the build starts.
            if (_shapesInProgress.TryGetValue(shapeKey, out var first) && _built.TryGetValue(first, out var early))
            {
                _built[node.Key] = early;
                return early;
            }

            _shapesInProgress[shapeKey] = node.Key;
            var result = ResolveShape(node, name);
            _shapesInProgress.Remove(shapeKey);
            if (result.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Enum or TypeKind.ExtensibleEnum or TypeKind.KindUnion or TypeKind.Tuple)
            {
                _byShape[shapeKey] = result;
            }

            return result;
        }

        return ResolveShape(node, name);
    }

    /// <summary>The schema's JSON, compact and in source order: equal text, equal shape.</summary>
    private static string CanonicalJson(SourceJsonValue value)
    {
        var builder = new System.Text.StringBuilder();
        Append(value);
        return builder.ToString();

        void Append(SourceJsonValue v)
        {
            switch (v.Kind)
            {
                case SourceJsonKind.Object:
                    builder.Append('{');
                    foreach (var property in v.Properties)
                    {
                        builder.Append('"').Append(property.Name).Append("\":");
                        Append(property.Value);
                        builder.Append(',');
                    }

                    builder.Append('}');
                    break;
                case SourceJsonKind.Array:
                    builder.Append('[');
                    foreach (var item in v.Items)
                    {
                        Append(item);
                        builder.Append(',');
                    }

                    builder.Append(']');
                    break;
                case SourceJsonKind.String:
                    builder.Append('"').Append(v.Text).Append('"');
                    break;
                default:
                    builder.Append(v.Kind).Append(v.Text);
                    break;
            }
        }
    }

    // Inline shapes (by the same key as _byShape) whose type is being built, and the node building it.
    private readonly Dictionary<string, (string Path, string Pointer)> _shapesInProgress = new(System.StringComparer.Ordinal);

    private TypeRef ResolveShape(SchemaNode node, string name)
    {

        var value = node.Value;
        if (value.Kind == SourceJsonKind.True)
        {
            return JsonRef;
        }

        if (!value.IsObject)
        {
            Report(SchemaDiagnostics.UnsupportedShape, node, value.Start, value.Length, node.Pointer, "a schema must be an object or true", "write {} for any value");
            return JsonRef;
        }

        if (value.StringOf("$ref") is { } reference)
        {
            return ResolveReference(node, reference);
        }

        if (Alternatives(node) is { } alternatives)
        {
            var nonNull = alternatives.Where(a => !IsNullSchema(a)).ToList();
            var nullable = nonNull.Count != alternatives.Count;
            if (nonNull.Count == 0)
            {
                return JsonRef.WithNullable(true);
            }

            if (nonNull.Count == 1)
            {
                // "Pet": anyOf [ {object}, null ] is the Pet record, nullable: the name goes with it.
                if (_definitionNames.TryGetValue(node.Key, out var reserved) && !_definitionNames.ContainsKey(nonNull[0].Key))
                {
                    _definitionNames[nonNull[0].Key] = reserved;
                }

                return Resolve(nonNull[0], name).WithNullable(nullable);
            }

            if (nonNull.Any(AcceptsAnything))
            {
                // "a string, or anything": any JSON value, silently.
                return JsonRef.WithNullable(nullable);
            }

            return (ResolveNonObjectAlternatives(node, nonNull, name) ?? ResolveAnyOfByFirstMatch(node, nonNull, name) ?? BuildUnion(node, nonNull, name)).WithNullable(nullable);
        }

        if (SingleAllOfReference(node) is { } wrapped)
        {
            // {"description": ..., "allOf": [{"$ref": ...}]}: a reference that carries its own description (schemars).
            return ResolveReference(wrapped, wrapped.Value.StringOf("$ref")!);
        }

        if (ResolveConditionalChoice(node, name) is { } chosen)
        {
            // Conditions on a version that cover every valid value (AsyncAPI's bindings): what they choose.
            return chosen;
        }

        if (value["allOf"] is not null)
        {
            return BuildObject(node, name);
        }

        if (value["enum"] is not null)
        {
            return BuildEnum(node, name);
        }

        if (value["const"] is { } constant)
        {
            switch (constant.Kind)
            {
                case SourceJsonKind.String:
                    return Primitive(TypeKind.String, "string");
                case SourceJsonKind.True or SourceJsonKind.False:
                    return Primitive(TypeKind.Boolean, "bool");
                case SourceJsonKind.Number:
                    return constant.Text!.IndexOfAny(NumberMarks) < 0 ? Primitive(TypeKind.Int64, "long") : Primitive(TypeKind.Double, "double");
                default:
                    Report(SchemaDiagnostics.UnsupportedShape, node, "const", node.Pointer, "a const object, array or null", "use a string, number or boolean const, or drop const");
                    return JsonRef;
            }
        }

        var (types, nullableType) = ReadTypeKeyword(node);
        if (types.Count > 1)
        {
            return ResolveSeveralTypes(node, types, name).WithNullable(nullableType);
        }

        var type = types.Count == 1 ? types[0] : InferType(value);
        return ResolveTyped(node, type, name).WithNullable(nullableType);
    }

    private TypeRef ResolveTyped(SchemaNode node, string? type, string name)
    {
        var value = node.Value;
        switch (type)
        {
            case "string":
                return value.StringOf("format") switch
                {
                    "date-time" => Primitive(TypeKind.DateTimeOffset, "global::System.DateTimeOffset"),
                    "uuid" => Primitive(TypeKind.Guid, "global::System.Guid"),
                    "uri" or "uri-reference" or "iri" or "iri-reference" => Primitive(TypeKind.Uri, "global::System.Uri"),
                    _ => Primitive(TypeKind.String, "string"),
                };
            case "integer":
                return value.StringOf("format") == "int32"
                    ? Primitive(TypeKind.Int32, "int")
                    : Primitive(TypeKind.Int64, "long");
            case "number":
                return Primitive(TypeKind.Double, "double");
            case "boolean":
                return Primitive(TypeKind.Boolean, "bool");
            case "array":
                return ResolveArray(node, name);
            case "object":
                if (value["properties"] is { IsObject: false })
                {
                    Report(SchemaDiagnostics.MalformedKeyword, node, "properties", "properties", "an object of property schemas");
                }

                return HasProperties(value) ? BuildObject(node, name) : ResolveMap(node, name);
            case null:
                return JsonRef;
            default:
                Report(SchemaDiagnostics.UnsupportedShape, node, "type", node.Pointer, "the type '" + type + "'", "use string, integer, number, boolean, array or object");
                return JsonRef;
        }
    }

    private TypeRef ResolveArray(SchemaNode node, string name)
    {
        if (TuplePositions(node) is var (positions, restKeyword))
        {
            return BuildTuple(node, positions, restKeyword, name);
        }

        var items = node.Child("items");
        var element = items is null ? JsonRef : Resolve(items, name + "Item");
        return new ArrayTypeRef(element);
    }

    private TypeRef ResolveMap(SchemaNode node, string name)
    {
        // patternProperties with one pattern (and no additionalProperties) is a map of that pattern's values.
        var additional = node.Child("additionalProperties")
            ?? (node.Child("patternProperties") is { Value: { IsObject: true, Properties.Count: 1 } } patterns
                ? patterns.Child(patterns.Value.Properties[0].Name)
                : null);
        if (additional is not null && additional.Value.Kind != SourceJsonKind.False && _definitionNames.TryGetValue(node.Key, out var definitionName))
        {
            // A definition that is only a map keeps its name: a dictionary class of its own.
            var named = NamedRef(TypeKind.NamedMap, node.File, definitionName);
            _built[node.Key] = named;
            var value = additional.Value.Kind == SourceJsonKind.True ? JsonRef : Resolve(additional, definitionName + "Value");
            AddType(node.File, new MapTypeModel(definitionName, node.Description, ConverterName(definitionName), value));
            return named;
        }

        var element = additional is null || additional.Value.Kind is SourceJsonKind.True or SourceJsonKind.False
            ? JsonRef
            : Resolve(additional, name + "Value");
        return new MapTypeRef(element);
    }

    private static bool HasProperties(SourceJsonValue value) => value["properties"] is { IsObject: true };

    private static string? InferType(SourceJsonValue value)
        => HasProperties(value) || value["additionalProperties"] is not null || value["patternProperties"] is not null ? "object"
            : value["items"] is not null || value["prefixItems"] is not null ? "array"
            : null;

    /// <summary>The names in <c>type</c>, less <c>"null"</c>, and whether <c>"null"</c> was there.</summary>
    private (List<string> Types, bool Nullable) ReadTypeKeyword(SchemaNode node)
    {
        var types = new List<string>();
        var nullable = false;
        var type = node.Value["type"];
        if (type is null)
        {
            return (types, false);
        }

        var names = type.Kind switch
        {
            SourceJsonKind.String => new[] { type.Text! },
            SourceJsonKind.Array => type.Items.Where(i => i.Kind == SourceJsonKind.String).Select(i => i.Text!).ToArray(),
            _ => null,
        };
        if (names is null)
        {
            Report(SchemaDiagnostics.MalformedKeyword, node, "type", "type", "a string or an array of strings");
            return (types, false);
        }

        foreach (var name in names)
        {
            if (name == "null")
            {
                nullable = true;
            }
            else if (!types.Contains(name))
            {
                types.Add(name);
            }
        }

        return (types, nullable);
    }

    /// <summary>The one <c>$ref</c> of an <c>allOf</c> of one item, when nothing beside it shapes the value.</summary>
    private static SchemaNode? SingleAllOfReference(SchemaNode node)
    {
        if (node.Child("allOf") is not { Value.Kind: SourceJsonKind.Array, Value.Items.Count: 1 } allOf
            || node.Value["properties"] is not null || node.Value["type"] is not null
            || node.Value["additionalProperties"] is not null || node.Value["oneOf"] is not null || node.Value["anyOf"] is not null)
        {
            return null;
        }

        var item = allOf.Item(allOf.Value.Items[0], 0);
        return item.Value.IsObject && item.Value.StringOf("$ref") is not null ? item : null;
    }

    /// <summary>The items of <c>oneOf</c> or <c>anyOf</c>, or null when there is neither.</summary>
    private List<SchemaNode>? Alternatives(SchemaNode node)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (node.Child(keyword) is not { } list)
            {
                continue;
            }

            if (list.Value.Kind != SourceJsonKind.Array)
            {
                Report(SchemaDiagnostics.MalformedKeyword, node, keyword, keyword, "an array of schemas");
                return null;
            }

            var items = list.Value.Items.Select((item, index) => list.Item(item, index)).ToList();
            return OnlyConstrains(node, items) && !SplitByComplement(node, items) ? null : items;
        }

        return null;
    }

    /// <summary>
    /// Whether every alternative only narrows the object it sits in (<c>"anyOf": [{"required": ["payload"]}, {"required":
    /// ["headers"]}]</c>, or <c>"oneOf"</c> branches that fix a declared property's value or forbid one with <c>not</c>):
    /// it names no property the object does not declare and adds no type, so every branch is the same record and the
    /// object is generated as that one record (validating the branches is the schema validator's job, not the type's).
    /// </summary>
    private static bool OnlyConstrains(SchemaNode node, List<SchemaNode> alternatives)
    {
        if (node.Value["properties"] is not { Kind: SourceJsonKind.Object } declared || declared.Properties.Count == 0)
        {
            return false;
        }

        var names = new HashSet<string>(declared.Properties.Select(p => p.Name));
        bool Declared(SourceJsonValue? value, bool isList)
            => value is null
               || (isList
                   ? value.Kind == SourceJsonKind.Array && value.Items.All(i => i.Kind == SourceJsonKind.String && names.Contains(i.Text!))
                   : value.Kind == SourceJsonKind.Object && value.Properties.All(p => names.Contains(p.Name)));

        return alternatives.All(a => a.Value.IsObject
            && a.Value.Properties.All(p => p.Name is "description" or "title" or "$comment" or "required" or "properties" or "not"
                || (p.Name == "type" && p.Value is { Kind: SourceJsonKind.String, Text: "object" }))
            && Declared(a.Value["required"], isList: true)
            && Declared(a.Value["properties"], isList: false)
            && (a.Value["not"] is not { } not
                || (not.IsObject && not.Properties.All(p => p.Name is "required" or "properties")
                    && Declared(not["required"], isList: true) && Declared(not["properties"], isList: false))));
    }

    /// <summary>
    /// Whether two branches that only narrow their object still tell its instances apart by one property's value: a
    /// property every instance has (required beside the branches or in both) is one of the strings S in one branch
    /// (<c>enum</c>/<c>const</c>, compared exactly, as JSON Schema does) and <c>not: {enum: S'}</c> with S ⊆ S' in the
    /// other (OpenAPI 3.0's HTTP security scheme: <c>scheme</c> is <c>bearer</c>, or it is not). No instance is valid
    /// against both, so each branch is a variant of its own, recognised by membership in S.
    /// </summary>
    private static bool SplitByComplement(SchemaNode node, List<SchemaNode> alternatives)
    {
        if (alternatives.Count != 2 || !alternatives.All(a => a.Value.IsObject))
        {
            return false;
        }

        static HashSet<string> RequiredOf(SourceJsonValue value)
            => new(value["required"] is { Kind: SourceJsonKind.Array } list
                ? list.Items.Where(i => i.Kind == SourceJsonKind.String).Select(i => i.Text!)
                : Enumerable.Empty<string>());

        static List<string>? Allowed(SourceJsonValue? schema)
            => schema is not { IsObject: true } ? null
                : schema["const"] is { Kind: SourceJsonKind.String } constant ? new List<string> { constant.Text! }
                : schema["enum"] is { Kind: SourceJsonKind.Array } values && values.Items.Count > 0 && values.Items.All(v => v.Kind == SourceJsonKind.String)
                    ? values.Items.Select(v => v.Text!).ToList()
                    : null;

        var siblingRequired = RequiredOf(node.Value);
        foreach (var (one, other) in new[] { (alternatives[0], alternatives[1]), (alternatives[1], alternatives[0]) })
        {
            if (one.Value["properties"] is not { IsObject: true } oneProperties || other.Value["properties"] is not { IsObject: true } otherProperties)
            {
                continue;
            }

            foreach (var property in oneProperties.Properties)
            {
                var required = siblingRequired.Contains(property.Name)
                               || (RequiredOf(one.Value).Contains(property.Name) && RequiredOf(other.Value).Contains(property.Name));
                if (required
                    && Allowed(property.Value) is { } allowed
                    && otherProperties[property.Name] is { } otherSchema
                    && ExcludedStrings(otherSchema) is { } excluded
                    && allowed.All(excluded.Contains))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>true</c>, or an object with nothing but annotations: any JSON value.</summary>
    private static bool AcceptsAnything(SchemaNode node)
        => node.Value.Kind == SourceJsonKind.True
           || node.Value.IsObject && node.Value.Properties.All(p => p.Name is "description" or "title" or "$comment" or "examples" or "default" or "deprecated");

    private static bool IsNullSchema(SchemaNode node)
        => node.Value.IsObject && node.Value["type"] is { Kind: SourceJsonKind.String, Text: "null" };

    private bool IsUnion(SchemaNode node)
        => node.Value.IsObject
           && node.Value["$ref"] is null
           && Alternatives(node) is { } alternatives
           && alternatives.Count(a => !IsNullSchema(a)) >= 2;
}
