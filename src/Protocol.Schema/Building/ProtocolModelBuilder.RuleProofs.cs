using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// What lets one variant's rule be tried before another's: the rule cannot hold for a valid instance of the other.
/// A property the rule requires that the other variant does not declare (with <c>additionalProperties: false</c> the
/// schema forbids it; an open object is taken not to carry another variant's required property, as JSON-RPC's request
/// and notification are told apart by <c>id</c>); a value the other cannot take; or, one level down, a required member
/// of a required object property that the other variant's object does not declare (GitHub's <c>dependabot_alert</c>
/// and <c>secret_scanning_alert</c> "reopened" events differ only inside <c>alert</c>).
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>Whether no valid instance of <paramref name="other"/> satisfies <paramref name="rule"/> (their tag conditions aside).</summary>
    private bool Excludes(VariantRule rule, VariantRule other, List<ObjectShape> shapes)
    {
        var shape = shapes[other.Index];
        return rule.Required.Any(p => !MayHave(shape, p)) || ExcludesByTests(rule, shape);
    }

    /// <summary>Whether the rule's value and nested tests alone exclude every valid instance of the shape.</summary>
    private bool ExcludesByTests(VariantRule rule, ObjectShape shape)
    {
        foreach (var (property, values) in rule.ValueTests)
        {
            if (!MayHave(shape, property))
            {
                return true;
            }

            // Values the other variant excludes with "not: {enum}" are proven out.
            if (shape.ExcludedValues.TryGetValue(property, out var excluded) && values.All(excluded.Contains))
            {
                return true;
            }

            // Disjoint values exclude; a value against any string is the more specific test, tried first.
            // (Required without a schema of its own: any value.)
            var otherValues = TagValuesOf(shape, property);
            if (otherValues is not null ? !otherValues.Intersect(values).Any() : shape.Properties.TryGetValue(property, out var schema) && IsPlainString(schema))
            {
                return true;
            }
        }

        foreach (var (property, member) in rule.NestedTests)
        {
            if (!MayHave(shape, property)
                || shape.Properties.TryGetValue(property, out var schema) && PlainObjectShape(schema) is { } inner && !MayHave(inner, member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Keeps, of each rule's required properties, only those some rule needs to exclude the variants tried after it
    /// (a greedy cover per rule, in the planned order): used when probing every telling property would not fit the
    /// presence mask. The order stays valid, since each rule keeps what excludes the variants after it.
    /// </summary>
    private void KeepOnlyNeededProperties(List<VariantRule> order, List<ObjectShape> shapes, System.Func<VariantRule, VariantRule, bool> overlap)
    {
        var needed = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            var rule = order[i];
            var open = order.Skip(i + 1).Where(o => overlap(rule, o) && !ExcludesByTests(rule, shapes[o.Index])).ToList();
            while (open.Count > 0)
            {
                var best = rule.Required.OrderByDescending(p => open.Count(o => !MayHave(shapes[o.Index], p))).FirstOrDefault();
                if (best is null || open.All(o => MayHave(shapes[o.Index], best)))
                {
                    // A rule placed by convention (most specific first) keeps every property it has.
                    needed.UnionWith(rule.Required);
                    break;
                }

                needed.Add(best);
                open.RemoveAll(o => !MayHave(shapes[o.Index], best));
            }
        }

        foreach (var rule in order)
        {
            rule.Required.RemoveAll(p => !needed.Contains(p));
        }
    }

    /// <summary>Whether an instance of the shape may have the member: it declares or requires it.</summary>
    private static bool MayHave(ObjectShape shape, string member) => shape.Properties.ContainsKey(member) || shape.Required.Contains(member);

    /// <summary>
    /// Adds to <paramref name="rule"/> the first test "required object property P has required member M" that the
    /// other variant cannot pass: it declares P as an object that does not declare M.
    /// </summary>
    private void AddNestedTest(VariantRule rule, ObjectShape shape, ObjectShape otherShape)
    {
        foreach (var property in RequiredInOrder(shape).Where(p => shape.Properties.ContainsKey(p) && otherShape.Properties.ContainsKey(p)))
        {
            if (PlainObjectShape(shape.Properties[property]) is not { } inner || PlainObjectShape(otherShape.Properties[property]) is not { } otherInner)
            {
                continue;
            }

            if (RequiredInOrder(inner).FirstOrDefault(m => !MayHave(otherInner, m)) is { } member)
            {
                rule.NestedTests.Add((property, member));
                return;
            }
        }
    }

    /// <summary>
    /// The object shape of a property schema that is always an object (following <c>$ref</c>; not nullable, not a
    /// union), or null.
    /// </summary>
    private ObjectShape? PlainObjectShape(SchemaNode node)
    {
        var target = node;
        for (var depth = 0; depth < 16 && target.Value.StringOf("$ref") is { } reference; depth++)
        {
            if (FindReferenceQuietly(target, reference) is not { } next)
            {
                return null;
            }

            target = next;
        }

        if (!target.Value.IsObject || target.Value["oneOf"] is not null || target.Value["anyOf"] is not null || KindOf(target) != JsonKind.Object
            || target.Value["type"] is { Kind: not SourceJsonKind.String })
        {
            return null;
        }

        var shape = ReadObjectShape(target, new HashSet<(string, string)>());
        return shape.Order.Count > 0 ? shape : null;
    }

    /// <summary>A variant's name for a diagnostic: its definition's name, else its pointer.</summary>
    private string VariantLabel(SchemaNode target) => _definitionNames.TryGetValue(target.Key, out var name) ? name : target.Pointer;
}
