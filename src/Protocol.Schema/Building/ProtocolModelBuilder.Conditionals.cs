using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Json;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// A value that conditions choose the schema of, when every condition chooses the same one: AsyncAPI writes each
/// binding as <c>{"properties": {"bindingVersion": {"enum": ["0.3.0"]}}, "allOf": [{"if": {"not": {"required":
/// ["bindingVersion"]}}, "then": {"$ref": X}}, {"if": {"required": ["bindingVersion"], "properties":
/// {"bindingVersion": {"const": "0.3.0"}}}, "then": {"$ref": X}}]}</c>. Every valid value meets one of the conditions
/// (the version is absent, or it is one of the enum's values, each of which a condition names), so every valid value
/// is an X: the value is typed as X rather than as a record of the version alone.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly HashSet<string> Annotations = new(System.StringComparer.Ordinal) { "description", "title", "$comment" };

    /// <summary>
    /// The one <c>then</c> schema (a <c>$ref</c>) that every <c>allOf</c> part's condition chooses, when the conditions
    /// cover every valid value (see the class remarks); null for any other shape.
    /// </summary>
    private static SchemaNode? ConditionalReference(SchemaNode node)
    {
        var value = node.Value;
        if (node.Child("allOf") is not { Value: { Kind: SourceJsonKind.Array, Items.Count: > 0 } } allOf
            || value.Properties.Any(p => p.Name is not ("allOf" or "properties") && !Annotations.Contains(p.Name))
            || value["properties"] is not { IsObject: true, Properties.Count: 1 } properties)
        {
            return null;
        }

        // The one property the conditions look at, and the values the schema allows it.
        var version = properties.Properties[0];
        if (AllowedStrings(version.Value) is not { } allowed)
        {
            return null;
        }

        SchemaNode? chosen = null;
        var absentCovered = false;
        var covered = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < allOf.Value.Items.Count; i++)
        {
            var part = allOf.Item(allOf.Value.Items[i], i);
            if (!part.Value.IsObject
                || part.Value.Properties.Any(p => p.Name is not ("if" or "then") && !Annotations.Contains(p.Name))
                || part.Child("then") is not { } then
                || then.Value.StringOf("$ref") is not { } reference
                || then.Value.Properties.Any(p => p.Name != "$ref" && !Annotations.Contains(p.Name))
                || (chosen is not null && chosen.Value.StringOf("$ref") != reference)
                || part.Value["if"] is not { IsObject: true } condition)
            {
                return null;
            }

            chosen ??= then;
            if (IsAbsent(condition, version.Name))
            {
                absentCovered = true;
            }
            else if (NamedValue(condition, version.Name) is { } named)
            {
                covered.Add(named);
            }
            else
            {
                return null;
            }
        }

        return absentCovered && allowed.All(covered.Contains) ? chosen : null;
    }

    // The string values a property schema allows ({"enum": [...]} or {"const": ...} of strings), or null.
    private static List<string>? AllowedStrings(SourceJsonValue schema)
    {
        if (!schema.IsObject || schema.Properties.Any(p => p.Name is not ("enum" or "const" or "type") && !Annotations.Contains(p.Name)))
        {
            return null;
        }

        var values = schema["enum"] is { Kind: SourceJsonKind.Array } list ? list.Items.ToList()
            : schema["const"] is { } constant ? new List<SourceJsonValue> { constant }
            : null;
        return values is not null && values.All(v => v.Kind == SourceJsonKind.String) ? values.Select(v => v.Text!).ToList() : null;
    }

    // {"not": {"required": [property]}}: the property is absent.
    private static bool IsAbsent(SourceJsonValue condition, string property)
        => condition.Properties.Count == 1
           && condition["not"] is { IsObject: true, Properties.Count: 1 } negated
           && negated["required"] is { Kind: SourceJsonKind.Array, Items.Count: 1 } required
           && required.Items[0].Kind == SourceJsonKind.String && required.Items[0].Text == property;

    // {"required": [property], "properties": {property: {"const": v}}}: the property is present and is v.
    private static string? NamedValue(SourceJsonValue condition, string property)
        => condition.Properties.Count == 2
           && condition["required"] is { Kind: SourceJsonKind.Array, Items.Count: 1 } required
           && required.Items[0].Text == property
           && condition["properties"] is { IsObject: true, Properties.Count: 1 } properties
           && properties[property] is { IsObject: true, Properties.Count: 1 } named
           && named["const"] is { Kind: SourceJsonKind.String } constant
            ? constant.Text
            : null;
}
