using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// Object unions that no single tag with one distinct value per variant splits, as published schemas write them: a
/// const every variant shares (<c>"jsonrpc": "2.0"</c>) is no tag; a tag shared by two variants, written as an enum,
/// optional, or missing from a default variant; a catch-all variant whose tag is any string; no const at all. Each
/// variant gets the most specific rule that tells it apart: its tag values, then the required properties it has
/// and the variants it overlaps with lack.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    /// <summary>How one variant is recognised, before names are given.</summary>
    private sealed record VariantRule(int Index, List<string> TagValues, bool WhenTagAbsent, List<string> Required, bool FixedTag)
    {
        /// <summary>Properties besides the tag whose value must be one of the listed strings.</summary>
        public List<(string Property, List<string> Values)> ValueTests { get; } = new();

        /// <summary>
        /// Properties whose value the schema says is none of the listed strings (<c>not: {enum}</c>), each the
        /// complement of another variant's value test: no rule tests them (the other variant's test goes first and
        /// takes every listed value), they name the variant and say in its docs how it is recognised.
        /// </summary>
        public List<(string Property, List<string> Values)> ExcludedTests { get; } = new();

        /// <summary>Whether a value test is the complement of another variant's <see cref="ExcludedTests"/>: it names the variant.</summary>
        public bool TestsComplement { get; set; }

        /// <summary>Properties (required, objects) whose value must have the named member: <c>alert</c> has <c>state</c>.</summary>
        public List<(string Property, string Member)> NestedTests { get; } = new();

        /// <summary>Whether the tag does not select it (any value): its required properties do.</summary>
        public bool AnyTag { get; init; }

        /// <summary>Where the rule is tried (0 first), once the plan is made.</summary>
        public int Order { get; set; }
    }

    /// <summary>The tag (or none), the catch-all variant (or -1), and a rule per other variant.</summary>
    private sealed record RulePlan(string? Tag, int CatchAll, List<VariantRule> Rules, List<string> Probed, List<(string Property, string Member)> Nested);

    /// <param name="variants">The variants and their shapes.</param>
    /// <param name="problem">Why no plan splits them, when none does.</param>
    /// <param name="absentTagVariant">
    /// The one variant an absent tag selects, when the schema says so (conditions on a version: absent means the
    /// latest); -1 to let each variant's shape say (any variant whose tag is optional or missing).
    /// </param>
    /// <param name="knownTag">The tag when the schema names it (the version conditions test), else null to find one.</param>
    private RulePlan? PlanRules(List<(SchemaNode Target, ObjectShape Shape)> variants, out string? problem, int absentTagVariant = -1, string? knownTag = null)
    {
        problem = null;
        if (variants.Any(v => v.Shape.Order.Count == 0 && KindOf(v.Target) != JsonKind.Object))
        {
            problem = "a variant is not an object";
            return null;
        }

        var shapes = variants.Select(v => v.Shape).ToList();
        var tag = knownTag ?? FindTag(shapes);
        var catchAll = -1;
        var anyTag = -1;
        if (tag is not null)
        {
            var open = Enumerable.Range(0, shapes.Count)
                .Where(i => shapes[i].Properties.TryGetValue(tag, out var schema) && TagValuesOf(shapes[i], tag) is null && IsPlainString(schema))
                .ToList();
            // A variant whose tag is any string is the catch-all ("any other type"), kept as the unknown variant;
            // unless it requires a property no other variant may have (GitHub's repository_dispatch event requires
            // client_payload): then it is an event of its own, recognised by that property whatever its tag says.
            if (open.Count == 1 && !RequiredInOrder(shapes[open[0]]).Any(p => p != tag && Enumerable.Range(0, shapes.Count).All(j => j == open[0] || !MayHave(shapes[j], p))))
            {
                catchAll = open[0];
            }
            else if (open.Count == 1)
            {
                anyTag = open[0];
            }
        }

        var rules = new List<VariantRule>();
        for (var i = 0; i < shapes.Count; i++)
        {
            if (i == catchAll)
            {
                continue;
            }

            var shape = shapes[i];
            var values = tag is null ? new List<string>() : TagValuesOf(shape, tag) ?? new List<string>();
            var absent = absentTagVariant >= 0 ? i == absentTagVariant : tag is null || !shape.Properties.ContainsKey(tag) || !shape.Required.Contains(tag);
            var fixedTag = tag is not null && values.Count == 1 && shape.Required.Contains(tag);
            rules.Add(new VariantRule(i, values, absent && i != anyTag, new List<string>(), fixedTag) { AnyTag = i == anyTag });
        }

        // A rule overlaps another when some object could satisfy both tag conditions; those need properties.
        bool Overlap(VariantRule a, VariantRule b) => a.AnyTag || b.AnyTag || a.TagValues.Intersect(b.TagValues).Any() || (a.WhenTagAbsent && b.WhenTagAbsent);
        foreach (var rule in rules)
        {
            var overlapping = rules.Where(r => r != rule && Overlap(rule, r)).ToList();
            if (overlapping.Count == 0)
            {
                continue;
            }

            var shape = shapes[rule.Index];
            rule.Required.AddRange(RequiredInOrder(shape).Where(p => p != tag
                && !overlapping.All(o => shapes[o.Index].Required.Contains(p))));
        }

        // Rules are tried in an order that is proven to pick the right variant: a rule goes next only when it excludes
        // every variant still to come whose tag condition it shares (see Excludes). Taking any such rule never blocks
        // the others (it only removes a constraint), so a greedy order finds one whenever one exists. Variants with the
        // same telling properties first get value tests where a property's values differ.
        bool SameProperties(VariantRule a, VariantRule b) => new HashSet<string>(a.Required).SetEquals(b.Required);
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (Overlap(rules[i], rules[j]) && SameProperties(rules[i], rules[j]))
                {
                    AddValueTest(rules[i], shapes[rules[i].Index], rules[j], shapes[rules[j].Index], tag);
                }
            }
        }

        var remaining = rules.OrderBy(r => r.TagValues.Count > 0 ? 0 : 1).ThenBy(r => r.Index).ToList();
        var order = new List<VariantRule>();
        while (remaining.Count > 0)
        {
            var next = MostSpecific(remaining.Where(r => remaining.All(o => o == r || !Overlap(r, o) || Excludes(r, o, shapes))));
            if (next is not null)
            {
                order.Add(next);
                remaining.Remove(next);
                continue;
            }

            // No rule is proven to go next. Two variants with the same tag condition and the same telling properties
            // (and no value test between them) get a member of an object property only one of them has; otherwise the
            // most specific rule goes first by convention: a variant that only declares a property another requires is
            // taken not to carry it (an AsyncAPI schema object may declare "$ref", a Reference requires it).
            var equal = remaining
                .SelectMany(a => remaining.Where(b => a.Index < b.Index && Overlap(a, b) && !Excludes(a, b, shapes) && !Excludes(b, a, shapes)
                                                      && SameProperties(a, b)).Select(b => (a, b)))
                .FirstOrDefault();
            if (equal.a is null)
            {
                var specific = MostSpecific(remaining)!;
                order.Add(specific);
                remaining.Remove(specific);
                continue;
            }

            var (first, second) = equal;
            AddNestedTest(first, shapes[first.Index], shapes[second.Index]);
            if (!Excludes(first, second, shapes))
            {
                AddNestedTest(second, shapes[second.Index], shapes[first.Index]);
            }

            if (!Excludes(first, second, shapes) && !Excludes(second, first, shapes))
            {
                problem = "variants " + first.Index.ToString(CultureInfo.InvariantCulture) + " (" + VariantLabel(variants[first.Index].Target) + ") and "
                          + second.Index.ToString(CultureInfo.InvariantCulture) + " (" + VariantLabel(variants[second.Index].Target) + ") have the same "
                          + (tag is null ? "required properties" : "'" + tag + "' values and required properties")
                          + ", and no required member of an object property one of them requires is missing from the other";
                return null;
            }
        }

        for (var i = 0; i < order.Count; i++)
        {
            order[i].Order = i;
        }

        var nested = rules.SelectMany(r => r.NestedTests).Distinct().ToList();
        if (rules.SelectMany(r => r.Required).Distinct().Count() + nested.Count > 62)
        {
            KeepOnlyNeededProperties(order, shapes, Overlap);
        }

        var probed = rules.SelectMany(r => r.Required).Distinct().ToList();
        if (probed.Count + nested.Count > 62)
        {
            problem = "more than 62 properties would be needed to tell the variants apart";
            return null;
        }

        return new RulePlan(tag, catchAll, rules, probed, nested);
    }

    /// <summary>The rule that asks the most (tag values, then tests, then properties; schema order last), or null.</summary>
    private static VariantRule? MostSpecific(IEnumerable<VariantRule> rules)
        => rules
            .OrderBy(r => r.TagValues.Count > 0 ? 0 : 1)
            .ThenByDescending(r => r.ValueTests.Count + r.NestedTests.Count)
            .ThenByDescending(r => r.Required.Count)
            .ThenBy(r => r.Index)
            .FirstOrDefault();

    /// <summary>
    /// Two variants that share the tag value and the properties present may still differ by the value of another
    /// property both require: string values that do not meet (<c>"in": "header"</c> against <c>"in": "user"</c>), or
    /// a value in one against any string in the other (<c>"scheme": "bearer"</c> against any other scheme: the test
    /// goes on the one with values, which is tried first). The first such property in the first variant's order wins.
    /// </summary>
    private void AddValueTest(VariantRule a, ObjectShape shapeA, VariantRule b, ObjectShape shapeB, string? tag)
    {
        foreach (var property in RequiredInOrder(shapeA).Where(p => p != tag && shapeB.Required.Contains(p)))
        {
            var valuesA = TagValuesOf(shapeA, property);
            var valuesB = TagValuesOf(shapeB, property);
            if (AddComplementTest(a, valuesA, b, shapeB, property) || AddComplementTest(b, valuesB, a, shapeA, property))
            {
                return;
            }

            var testA = valuesA is not null && (valuesB is not null ? !valuesA.Intersect(valuesB).Any() : shapeB.Properties.TryGetValue(property, out var anyB) && IsPlainString(anyB));
            var testB = valuesB is not null && (valuesA is not null ? !valuesA.Intersect(valuesB).Any() : shapeA.Properties.TryGetValue(property, out var anyA) && IsPlainString(anyA));
            if (!testA && !testB)
            {
                continue;
            }

            if (testA && !a.ValueTests.Any(t => t.Property == property))
            {
                a.ValueTests.Add((property, valuesA!));
            }

            if (testB && !b.ValueTests.Any(t => t.Property == property))
            {
                b.ValueTests.Add((property, valuesB!));
            }

            return;
        }
    }


    /// <summary>
    /// A value test proven to split: <paramref name="values"/> (one variant's strings) are all among those the other
    /// variant's schema excludes with <c>not: {enum}</c>, so no valid instance of the other passes the test, and every
    /// instance of the first does. Membership is exact (as JSON Schema's <c>enum</c> compares; a schema that matches
    /// by pattern, as OpenAPI 3.1's <c>^[Bb][Ee][Aa][Rr][Ee][Rr]$</c>, is no enum and is not read here).
    /// </summary>
    private static bool AddComplementTest(VariantRule rule, List<string>? values, VariantRule other, ObjectShape otherShape, string property)
    {
        if (values is null || !otherShape.ExcludedValues.TryGetValue(property, out var excluded) || !values.All(excluded.Contains)
            || rule.ValueTests.Any(t => t.Property == property))
        {
            return false;
        }

        rule.ValueTests.Add((property, values));
        rule.TestsComplement = true;
        other.ExcludedTests.Add((property, excluded));
        return true;
    }

    /// <summary>Required names, declared ones in schema order first (a name may be required without being declared).</summary>
    private static IEnumerable<string> RequiredInOrder(ObjectShape shape)
        => shape.Order.Where(shape.Required.Contains).Concat(shape.Required.Except(shape.Order).OrderBy(n => n, System.StringComparer.Ordinal));

    /// <summary>
    /// The property that tags variants: string consts (or enums) in several variants, with more than one value
    /// overall (a const every variant shares, like <c>"jsonrpc": "2.0"</c>, tells nothing). Preferred names first.
    /// </summary>
    private string? FindTag(List<ObjectShape> shapes)
    {
        var names = shapes.SelectMany(s => s.Order).Distinct().ToList();
        foreach (var candidate in PreferredDiscriminators.Where(names.Contains).Concat(names))
        {
            var tagged = shapes.Select(s => TagValuesOf(s, candidate)).Where(v => v is not null).ToList();
            var usable = shapes.All(s => !s.Properties.TryGetValue(candidate, out var schema) || TagValuesOf(s, candidate) is not null || IsPlainString(schema));
            if (usable && tagged.Count >= 2 && tagged.SelectMany(v => v!).Distinct().Count() >= 2)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The string values a variant's tag may take (<c>const</c> or an <c>enum</c> of strings, also behind a
    /// <c>$ref</c>: Avro's primitive type with metadata has <c>"type": {"$ref": ".../primitiveType"}</c>), or null.
    /// </summary>
    private List<string>? TagValuesOf(ObjectShape shape, string tag)
    {
        if (shape.ConstOf(tag) is { } constant)
        {
            return new List<string> { constant };
        }

        if (!shape.Properties.TryGetValue(tag, out var schema))
        {
            return null;
        }

        for (var depth = 0; depth < 16 && schema.Value.StringOf("$ref") is { } reference && FindReferenceQuietly(schema, reference) is { } target; depth++)
        {
            schema = target;
        }

        return schema.Value["enum"] is { Kind: SourceJsonKind.Array } values
               && values.Items.Count > 0 && values.Items.All(v => v.Kind == SourceJsonKind.String)
            ? values.Items.Select(v => v.Text!).ToList()
            : null;
    }

    private TypeRef BuildRuleUnion(SchemaNode node, List<SchemaNode> alternatives, List<(SchemaNode Target, ObjectShape Shape)> variants, RulePlan plan, string nameHint)
    {
        var name = NameFor(node, nameHint, OrName(alternatives));
        var union = NamedRef(TypeKind.Union, node.File, name);
        _built[node.Key] = union;
        var tag = plan.Tag;
        var kindProperty = "Kind";
        var kindEnumName = TakeTypeName(node.File, name + "Kind", node, name + "Kinds");
        var kindEnum = NamedRef(TypeKind.Enum, node.File, kindEnumName);
        var unknownName = TakeTypeName(node.File, "Unknown" + name, node);
        var visitorName = TakeTypeName(node.File, "I" + name + "Visitor", node);
        var unknownTagProperty = tag is null ? null : Naming.ToPascal(tag) + "Name";
        var reserved = new HashSet<string>(Naming.RecordMembers) { kindProperty, name, "RawJson" };
        if (unknownTagProperty is not null)
        {
            reserved.Add(unknownTagProperty);
        }

        var siblings = ReadObjectShape(WithoutAlternatives(node), new HashSet<(string, string)>());
        var suffix = Naming.LastWord(name);
        var memberScope = new NameScope();

        // A property written beside the alternatives that no variant retypes is the union's: a type it needs (OpenAPI's
        // HTTP scheme's "type" enum) is named after the union, not after whichever variant is built first.
        foreach (var property in siblings.Order.Where(p => variants.All(v => !v.Shape.Properties.ContainsKey(p) || v.Shape.ExcludedValues.ContainsKey(p))))
        {
            _ = Resolve(siblings.Properties[property], name + Naming.ToPascal(property));
        }

        var valueLocals = ValueLocals(plan.Rules.SelectMany(r => r.ValueTests).Select(t => t.Property).Distinct());
        var isInterface = plan.Rules.Any(r => _variantOf.ContainsKey(variants[r.Index].Target.Key) || IsRecordInProgress(variants[r.Index].Target, out _));
        var built = new List<(SchemaNode Target, string Name, string? Value, string Member, string? Description, EquatableArray<PropertyModel> Properties, VariantRecognition Recognition, bool Joined, ObjectShape Shape)>();
        foreach (var rule in plan.Rules)
        {
            var (target, shape) = (variants[rule.Index].Target, WithSiblings(siblings, variants[rule.Index].Shape));
            var part = VariantNamePart(rule, shape, tag);
            var mask = rule.Required.Aggregate(0L, (m, p) => m | (1L << plan.Probed.IndexOf(p)))
                       | rule.NestedTests.Aggregate(0L, (m, t) => m | (1L << (plan.Probed.Count + plan.Nested.IndexOf(t))));
            var words = RuleInWords(rule, tag);
            var tests = rule.ValueTests.Select(t => new PropertyValueTest(t.Property, t.Values.ToEquatableArray(), valueLocals[t.Property])).ToEquatableArray();
            var recognition = new VariantRecognition(rule.TagValues.ToEquatableArray(), rule.WhenTagAbsent && tag is not null, mask, words, rule.Order, tests);
            if (_variantOf.TryGetValue(target.Key, out var otherUnion) || IsRecordInProgress(target, out otherUnion))
            {
                if (isInterface && (ExistingRecordName(target) ?? BuiltRecordName(target)) is { } existing)
                {
                    built.Add((target, existing, rule.FixedTag ? rule.TagValues[0] : null, memberScope.Take(part, part).Name, null, EquatableArray<PropertyModel>.Empty, recognition, true, shape));
                    continue;
                }

                var alternative = alternatives[rule.Index];
                Report(SchemaDiagnostics.VariantOfTwoUnions, alternative, alternative.Value.Start, alternative.Value.Length, _definitionNames.TryGetValue(target.Key, out var n) ? n : name, otherUnion, name);
                continue;
            }

            var member = memberScope.Take(part, part).Name;
            var variantName = AdoptedRecordName(target) ?? NameFor(target, (target.Value.StringOf("title") is { } title ? Naming.ToPascal(title) : part) + suffix, part + name);
            _variantOf[target.Key] = name;
            _built[target.Key] = NamedRef(TypeKind.Object, target.File, variantName);
            var properties = BuildProperties(variantName, shape, except: rule.FixedTag ? tag : null, reserved);
            if (tag is not null && !rule.FixedTag)
            {
                // A tag that is optional or takes several values is the variant's own property, written only as received.
                var required = shape.Required.Contains(tag);
                properties = properties
                    .Select(p => p.WireName == tag && p.ConstValue is not null ? p with { ConstValue = null, IsRequired = required, Type = p.Type.WithNullable(!required) } : p)
                    .ToEquatableArray();
            }

            var description = (target.Description ?? shape.Description) is { } d ? d + "\n" + words : words;
            built.Add((target, variantName, rule.FixedTag ? rule.TagValues[0] : null, member, description, properties, recognition, false, shape));
        }

        var shared = isInterface ? EquatableArray<PropertyModel>.Empty : SharedProperties(built.Select(b => b.Properties).ToList());
        var sharedNames = new HashSet<string>(shared.Select(p => p.WireName));
        var visitor = "global::" + node.File.Source.Namespace + "." + visitorName;
        foreach (var variant in built)
        {
            var own = variant.Properties.Where(p => !sharedNames.Contains(p.WireName)).ToEquatableArray();
            var variantModel = new VariantModel(union, kindEnum, visitor, tag, kindProperty, variant.Value, variant.Member, shared);
            AddVariant(variant.Target, variant.Name, variant.Description, own, variantModel, isInterface, variant.Joined, variant.Shape);
        }

        var (members, unknownMember) = EnumMembers(node, built.Select(b => b.Member).ToList());
        members = members.Select((m, i) => m with { Description = built[i].Recognition.Description }).ToEquatableArray();
        AddType(node.File, new EnumTypeModel(kindEnumName, "The kinds of " + name + ", each recognised by its own rule.", ConverterName(kindEnumName), members, unknownMember));
        var catchAll = plan.CatchAll >= 0 ? " The schema's catch-all variant (any other \"" + tag + "\") is " + unknownName + ", which keeps the raw JSON." : string.Empty;
        var nested = plan.Nested.Count > 0 ? " Variants alike there are told apart by members of an object property (see each kind)." : string.Empty;
        var complement = plan.Rules.FirstOrDefault(r => r.TestsComplement)?.ValueTests[0].Property;
        var how = (tag is null && complement is not null ? "Told apart by the value of \"" + complement + "\" (see each kind)."
                   : tag is null ? "Told apart by the properties present." : "Told apart by \"" + tag + "\" and, where variants share a value, the properties present.")
                  + nested + catchAll + " An object no rule matches is " + unknownName + ".";
        AddType(node.File, new UnionTypeModel(
            name,
            node.Description is { } description2 ? description2 + "\n" + how : how,
            ConverterName(name),
            tag,
            kindProperty,
            shared,
            built.Select(b => new UnionVariantModel(NamedRef(TypeKind.Object, b.Target.File, b.Name), b.Value ?? string.Empty, b.Member, b.Recognition)).ToEquatableArray(),
            kindEnum,
            unknownMember,
            unknownName,
            ConverterName(unknownName),
            unknownTagProperty,
            "RawJson",
            visitorName,
            plan.Probed.ToEquatableArray(),
            how,
            isInterface,
            plan.Nested.Select(t => new NestedProbe(t.Property, t.Member)).ToEquatableArray()));
        return union;
    }

    /// <summary>The part of a variant's name that says how it is recognised: its tag value, and the properties that tell it apart.</summary>
    private static string VariantNamePart(VariantRule rule, ObjectShape shape, string? tag)
    {
        var part = rule.TagValues.Count > 0 ? Naming.ToPascal(rule.TagValues[0]) : string.Empty;
        if (rule.TestsComplement)
        {
            part += Naming.ToPascal(rule.ValueTests[0].Values[0]);
        }
        else if (rule.ExcludedTests.Count > 0)
        {
            part += "Non" + Naming.ToPascal(rule.ExcludedTests[0].Values[0]);
        }

        var properties = rule.Required.Count > 0 || part.Length > 0
            ? rule.Required
            : RequiredInOrder(shape).Where(p => p != tag).ToList();
        part += string.Concat(properties.Select(Naming.ToPascal)) + string.Concat(rule.NestedTests.Select(t => Naming.ToPascal(t.Property) + Naming.ToPascal(t.Member)));
        return part.Length > 0 ? part : "Default";
    }

    private static string RuleInWords(VariantRule rule, string? tag)
    {
        var parts = new List<string>();
        if (tag is not null && rule.AnyTag)
        {
            parts.Add("`" + tag + "` is any string");
        }

        if (tag is not null && (rule.TagValues.Count > 0 || rule.WhenTagAbsent))
        {
            var values = rule.TagValues.Select(v => "`" + v + "`").ToList();
            var text = "`" + tag + "` is " + string.Join(" or ", values);
            parts.Add(values.Count == 0 ? "`" + tag + "` is absent" : rule.WhenTagAbsent ? text + " or absent" : text);
        }

        foreach (var (property, values) in rule.ValueTests)
        {
            parts.Add("`" + property + "` is " + string.Join(" or ", values.Select(v => "`" + v + "`")));
        }

        foreach (var (property, values) in rule.ExcludedTests)
        {
            parts.Add("`" + property + "` is not " + string.Join(" nor ", values.Select(v => "`" + v + "`")));
        }

        if (rule.Required.Count > 0)
        {
            parts.Add(string.Join(", ", rule.Required.Select(p => "`" + p + "`")) + (rule.Required.Count == 1 ? " is present" : " are present"));
        }

        foreach (var (property, member) in rule.NestedTests)
        {
            parts.Add("`" + property + "` has `" + member + "`");
        }

        return "Recognised when " + (parts.Count == 0 ? "no other rule matches" : string.Join(" and ", parts)) + ".";
    }

    /// <summary>
    /// The reader's local for each property whose string value a rule tests: its name in camelCase with <c>Value</c>
    /// (<c>schemeValue</c>), which no C# keyword and none of the reader's own locals (<c>probe</c>, <c>tag</c>,
    /// <c>seen</c>) ends with; two wire names that give one identifier (<c>a-b</c>, <c>aB</c>) are kept apart.
    /// </summary>
    private static Dictionary<string, string> ValueLocals(IEnumerable<string> properties)
    {
        var scope = new NameScope();
        var locals = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var pascal = Naming.ToPascal(property);
            locals[property] = scope.Take(char.ToLowerInvariant(pascal[0]) + pascal.Substring(1) + "Value", property).Name;
        }

        return locals;
    }
}
