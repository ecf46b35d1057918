using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>Object schemas (with allOf merged) to records.</summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>Builds the record for an object schema and returns its reference.</summary>
    private TypeRef BuildObject(SchemaNode node, string nameHint)
    {
        var name = NameFor(node, nameHint);
        var shape = ReadObjectShape(node, new HashSet<(string, string)>());
        var type = NamedRef(TypeKind.Object, node.File, name);
        _built[node.Key] = type;
        var properties = BuildProperties(name, shape, except: null, reserved: Naming.RecordMembers);
        AddType(node.File, new ObjectTypeModel(name, node.Description ?? shape.Description, ConverterName(name), properties, null, default, ExtensionDataName(shape, properties)));
        return type;
    }

    private static readonly string[] ExtensionDataNames = { "AdditionalProperties", "ExtensionData", "UndeclaredMembers" };

    /// <summary>The name of the property keeping undeclared members, or null when the schema forbids them.</summary>
    private static string? ExtensionDataName(ObjectShape shape, EquatableArray<PropertyModel> properties, IEnumerable<PropertyModel>? inherited = null)
    {
        if (shape.Closed)
        {
            return null;
        }

        var taken = new HashSet<string>(properties.Concat(inherited ?? Enumerable.Empty<PropertyModel>()).Select(p => p.Name));
        return ExtensionDataNames.FirstOrDefault(n => !taken.Contains(n));
    }

    /// <summary>
    /// The properties, required set and description of an object schema, following <c>$ref</c> and
    /// merging <c>allOf</c> parts in order (a later part overrides a property of an earlier one).
    /// Returns an empty shape, after reporting, for a schema that is not an object.
    /// </summary>
    private ObjectShape ReadObjectShape(SchemaNode node, HashSet<(string, string)> visiting)
    {
        var shape = new ObjectShape();
        if (!node.Value.IsObject || !visiting.Add(node.Key))
        {
            return shape;
        }

        if (node.Value.StringOf("$ref") is { } reference)
        {
            if (FindReference(node, reference) is { } target)
            {
                shape.Merge(ReadObjectShape(target, visiting));
            }

            return shape;
        }

        shape.Description = node.Description;
        if (node.Child("allOf") is { } allOf)
        {
            if (allOf.Value.Kind == SourceJsonKind.Array)
            {
                for (var i = 0; i < allOf.Value.Items.Count; i++)
                {
                    var part = ReadObjectShape(allOf.Item(allOf.Value.Items[i], i), visiting);
                    var description = shape.Description;
                    shape.Merge(part);
                    shape.Description = description ?? part.Description;
                }
            }
            else
            {
                Report(SchemaDiagnostics.MalformedKeyword, node, "allOf", "allOf", "an array of schemas");
            }
        }

        if (node.Child("properties") is { } properties)
        {
            if (properties.Value.IsObject)
            {
                foreach (var property in properties.Value.Properties)
                {
                    shape.Set(property.Name, new SchemaNode(node.File, property.Value, properties.Pointer + "/" + Naming.EscapePointerToken(property.Name)));
                    if (ExcludedStrings(property.Value) is { } excluded)
                    {
                        shape.ExcludedValues[property.Name] = excluded;
                    }
                }
            }
            else
            {
                Report(SchemaDiagnostics.MalformedKeyword, node, "properties", "properties", "an object of property schemas");
            }
        }

        // Members matching patternProperties are allowed even when additionalProperties is false (OpenAPI's "^x-"
        // extensions): the record keeps them as extension data rather than dropping them.
        if ((node.Value["additionalProperties"] is { Kind: SourceJsonKind.False } || node.Value["unevaluatedProperties"] is { Kind: SourceJsonKind.False })
            && node.Value["patternProperties"] is not { Kind: SourceJsonKind.Object, Properties.Count: > 0 })
        {
            shape.Closed = true;
        }

        if (node.Child("required") is { } required)
        {
            if (required.Value.Kind == SourceJsonKind.Array)
            {
                shape.Required.UnionWith(required.Value.Items.Where(i => i.Kind == SourceJsonKind.String).Select(i => i.Text!));
            }
            else
            {
                Report(SchemaDiagnostics.MalformedKeyword, node, "required", "required", "an array of property names");
            }
        }

        if (node.Value["not"] is { IsObject: true } not && not.Properties.All(p => p.Name == "required")
            && not["required"] is { Kind: SourceJsonKind.Array, Items.Count: 1 } forbidden && forbidden.Items[0].Kind == SourceJsonKind.String)
        {
            // "not: {required: [x]}" forbids x; with several names it only forbids having them all, which is no one property.
            shape.Forbidden.Add(forbidden.Items[0].Text!);
        }

        visiting.Remove(node.Key);
        return shape;
    }

    /// <summary>
    /// The strings a property schema that is only <c>not: {enum: [strings]}</c> (or <c>not: {const}</c>), annotations
    /// aside, excludes; null for any other schema.
    /// </summary>
    private static List<string>? ExcludedStrings(SourceJsonValue schema)
    {
        if (!schema.IsObject || schema["not"] is not { IsObject: true } not
            || !schema.Properties.All(p => p.Name is "not" or "description" or "title" or "$comment"))
        {
            return null;
        }

        if (not.Properties.Count == 1 && not["const"] is { Kind: SourceJsonKind.String } constant)
        {
            return new List<string> { constant.Text! };
        }

        return not.Properties.Count == 1 && not["enum"] is { Kind: SourceJsonKind.Array } values
               && values.Items.Count > 0 && values.Items.All(v => v.Kind == SourceJsonKind.String)
            ? values.Items.Select(v => v.Text!).ToList()
            : null;
    }

    /// <summary>Records' properties: C# names, types (inline objects get a name of their own), nullability.</summary>
    private EquatableArray<PropertyModel> BuildProperties(
        string typeName,
        ObjectShape shape,
        string? except,
        HashSet<string> reserved)
    {
        var scope = new NameScope();
        scope.Reserve(typeName, "the type itself");
        foreach (var name in reserved)
        {
            scope.Reserve(name, "a member every record has");
        }

        var result = new List<PropertyModel>();
        foreach (var wireName in shape.Order)
        {
            if (wireName == except)
            {
                continue;
            }

            var schema = shape.Properties[wireName];
            var pascal = Naming.ToPascal(wireName);
            var wanted = pascal == typeName || reserved.Contains(pascal) ? pascal + "Value" : pascal;
            var (name, collided) = scope.Take(wanted, wireName);
            if (collided is not null && wanted == pascal)
            {
                Report(SchemaDiagnostics.NameCollision, schema, schema.Value.Start, 1, wanted, "the property '" + collided + "'", name);
            }

            // A string const property has its one value: a string that starts as it, so a record built in code has it.
            // Required, it is a plain string (read as the const when absent); optional, it stays nullable and is read
            // as received, so an object without it is written back without it.
            var type = Resolve(schema, typeName + pascal);
            var constValue = type.Kind == TypeKind.String ? shape.ConstOf(wireName) : null;
            var isRequired = constValue is null && shape.Required.Contains(wireName);
            type = constValue is not null ? type.WithNullable(!shape.Required.Contains(wireName)) : type.WithNullable(type.IsNullable || !isRequired);
            var description = schema.Description ?? (shape.FallbackDescriptions.TryGetValue(wireName, out var fallback) ? fallback : null);
            var deprecated = schema.Value.IsObject && schema.Value["deprecated"] is { Kind: SourceJsonKind.True };
            var defaultValue = constValue is null ? DefaultValueOf(schema, type, shape.Required.Contains(wireName)) : null;
            result.Add(new PropertyModel(name, wireName, type, isRequired, description, constValue, deprecated, defaultValue));
        }

        return result.ToEquatableArray();
    }
}
