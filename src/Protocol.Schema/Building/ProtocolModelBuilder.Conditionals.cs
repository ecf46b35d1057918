using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// A value whose schema conditions on a version choose: AsyncAPI writes each binding as <c>{"properties":
/// {"bindingVersion": {"enum": ["0.5.0", "0.4.0"]}}, "allOf": [{"if": {"not": {"required": ["bindingVersion"]}},
/// "then": {"$ref": X5}}, {"if": {"required": ["bindingVersion"], "properties": {"bindingVersion": {"const":
/// "0.5.0"}}}, "then": {"$ref": X5}}, {"if": ... "0.4.0" ..., "then": {"$ref": X4}}]}</c>. When every valid value meets
/// one of the conditions (the version is absent, or it is one of the enum's values, each of which a condition names),
/// the value is what they choose: the one definition they all name, or else a union of the definitions told apart by
/// the version, the absent version selecting the definition its condition names (the latest). With one definition the
/// version is not checked against the enum the conditions cover: a version it does not list is read by that definition,
/// not refused (lenient, as the reader is with enum values it does not know).
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly HashSet<string> Annotations = new(System.StringComparer.Ordinal) { "description", "title", "$comment" };

    /// <summary>The type of a value that conditions on a version choose (see the class remarks), or null for any other shape.</summary>
    private TypeRef? ResolveConditionalChoice(SchemaNode node, string name)
    {
        if (ConditionalChoice(node) is not { } choice)
        {
            return null;
        }

        if (choice.Targets.Count == 1)
        {
            return ResolveReference(choice.Targets[0], choice.Targets[0].Value.StringOf("$ref")!);
        }

        var variants = choice.Targets
            .Select(t => (Target: FindReferenceQuietly(t, t.Value.StringOf("$ref")!), Shape: ReadObjectShape(t, new HashSet<(string, string)>())))
            .ToList();
        if (variants.Any(v => v.Target is null))
        {
            return null;
        }

        var planned = variants.Select(v => (v.Target!, v.Shape)).ToList();
        // Each definition must name its own versions; the plan then tells them apart by the version alone.
        if (planned.Any(v => TagValuesOf(v.Shape, choice.Version) is null))
        {
            return null;
        }

        return PlanRules(planned, out _, choice.AbsentTarget, choice.Version) is { } plan && plan.Tag == choice.Version
            ? BuildRuleUnion(node, choice.Targets, planned, plan, name)
            : null;
    }

    /// <summary>
    /// The <c>then</c> schemas (each a <c>$ref</c>, one per definition, in order) that the <c>allOf</c> parts'
    /// conditions on one property choose, the one an absent property chooses, and that property; null unless the
    /// conditions cover every value the schema allows that property (see the class remarks).
    /// </summary>
    private static (List<SchemaNode> Targets, int AbsentTarget, string Version)? ConditionalChoice(SchemaNode node)
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

        var targets = new List<SchemaNode>();
        var absentTarget = -1;
        var covered = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < allOf.Value.Items.Count; i++)
        {
            var part = allOf.Item(allOf.Value.Items[i], i);
            if (!part.Value.IsObject
                || part.Value.Properties.Any(p => p.Name is not ("if" or "then") && !Annotations.Contains(p.Name))
                || part.Child("then") is not { } then
                || then.Value.StringOf("$ref") is not { } reference
                || then.Value.Properties.Any(p => p.Name != "$ref" && !Annotations.Contains(p.Name))
                || part.Value["if"] is not { IsObject: true } condition)
            {
                return null;
            }

            var target = targets.FindIndex(t => t.Value.StringOf("$ref") == reference);
            if (target < 0)
            {
                targets.Add(then);
                target = targets.Count - 1;
            }

            var absent = IsAbsent(condition, version.Name);
            if (absent && absentTarget < 0)
            {
                absentTarget = target;
            }
            else if (absent || NamedValue(condition, version.Name) is not { } named || !covered.Add(named))
            {
                // Any other condition, or a second one for the same case (two choices would have to agree).
                return null;
            }
        }

        return absentTarget >= 0 && allowed.All(covered.Contains) ? (targets, absentTarget, version.Name) : null;
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
