using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// Discriminated unions (anyOf/oneOf of objects told apart by a string const) to an abstract base
/// record, one sealed record per variant, an unknown variant, a type enum and a visitor.
/// </summary>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly string[] PreferredDiscriminators = { "type", "kind", "event", "$type" };

    private TypeRef BuildUnion(SchemaNode node, List<SchemaNode> alternatives, string nameHint)
    {
        // A variant that is itself a union of objects contributes its variants (they then belong to both unions).
        BuildInnerUnionsFirst(node, alternatives);
        var inherited = new Dictionary<(string, string), ObjectShape>();
        alternatives = Flatten(alternatives, new HashSet<(string, string)> { node.Key }, inherited);
        var keyword = node.Value["oneOf"] is not null ? "oneOf" : "anyOf";
        var variants = alternatives
            .Select(a => (Target: a.Value.StringOf("$ref") is { } r ? FindReference(a, r) : a, Shape: ReadObjectShape(a, new HashSet<(string, string)>())))
            .ToList();
        if (variants.Any(v => v.Target is null))
        {
            return JsonRef; // the unresolved reference is reported already
        }

        var discriminator = FindDiscriminator(variants.Select(v => v.Shape).ToList(), out var problem);
        if (discriminator is null)
        {
            // The planner sees what each branch admits: the properties and required names written beside the
            // alternatives (here, or beside an inner union whose variants these are) hold in every branch.
            var beside = ReadObjectShape(WithoutAlternatives(node), new HashSet<(string, string)>());
            var planned = variants
                .Select((v, i) => (v.Target!, PlanningShape(beside, inherited.TryGetValue(alternatives[i].Key, out var outer) ? outer : null, v.Shape)))
                .ToList();
            var plan = PlanRules(planned, out var ruleProblem);
            if (plan is not null)
            {
                return BuildRuleUnion(node, alternatives, variants.Select(v => (v.Target!, v.Shape)).ToList(), plan, nameHint);
            }

            Report(SchemaDiagnostics.UnionWithoutDiscriminator, node, keyword, NameFor(node, nameHint), ruleProblem ?? problem);
            return JsonRef;
        }

        var name = NameFor(node, nameHint, OrName(alternatives));

        var union = NamedRef(TypeKind.Union, node.File, name);
        _built[node.Key] = union;

        var discriminatorProperty = Naming.ToPascal(discriminator);
        var typeEnumName = TakeTypeName(node.File, name + Naming.ToPascal(discriminator == "type" ? "Type" : discriminator), node, name + "Discriminator");
        var typeEnum = NamedRef(TypeKind.Enum, node.File, typeEnumName);
        var (members, unknownMember) = EnumMembers(node, variants.Select(v => v.Shape.ConstOf(discriminator)!).ToList());
        var unknownName = TakeTypeName(node.File, "Unknown" + name, node);
        var visitorName = TakeTypeName(node.File, "I" + name + "Visitor", node);
        // Variant properties may not take the union's name (its base would hold a member named like itself),
        // nor the unknown variant's own members.
        var reserved = new HashSet<string>(Naming.RecordMembers) { discriminatorProperty, name, discriminatorProperty + "Name", "RawJson" };
        var siblings = ReadObjectShape(WithoutAlternatives(node), new HashSet<(string, string)>());
        var suffix = Naming.LastWord(name);

        var isInterface = variants.Any(v => _variantOf.ContainsKey(v.Target!.Key) || IsRecordInProgress(v.Target!, out _));
        var built = new List<(SchemaNode Target, string Name, string Value, string Member, string? Description, EquatableArray<PropertyModel> Properties, bool Joined, ObjectShape Shape)>();
        for (var i = 0; i < variants.Count; i++)
        {
            var (target, shape) = (variants[i].Target!, WithSiblings(siblings, variants[i].Shape));
            var value = shape.ConstOf(discriminator)!;
            if (_variantOf.TryGetValue(target.Key, out var otherUnion) || IsRecordInProgress(target, out otherUnion))
            {
                if (isInterface && (ExistingRecordName(target) ?? BuiltRecordName(target)) is { } existing)
                {
                    built.Add((target, existing, value, members[i].Name, null, EquatableArray<PropertyModel>.Empty, true, shape));
                    continue;
                }

                Report(SchemaDiagnostics.VariantOfTwoUnions, alternatives[i], alternatives[i].Value.Start, alternatives[i].Value.Length, _definitionNames.TryGetValue(target.Key, out var n) ? n : value, otherUnion, name);
                continue;
            }

            var variantName = AdoptedRecordName(target) ?? NameFor(target, Naming.ToPascal(value) + suffix, Naming.ToPascal(value) + name);
            _variantOf[target.Key] = name;
            _built[target.Key] = NamedRef(TypeKind.Object, target.File, variantName);
            var properties = BuildProperties(variantName, shape, except: discriminator, reserved);
            built.Add((target, variantName, value, members[i].Name, target.Description ?? shape.Description, properties, false, shape));
        }

        var shared = isInterface ? EquatableArray<PropertyModel>.Empty : SharedProperties(built.Select(b => b.Properties).ToList());
        var sharedNames = new HashSet<string>(shared.Select(p => p.WireName));
        foreach (var variant in built)
        {
            var visitor = "global::" + node.File.Source.Namespace + "." + visitorName;
            var variantModel = new VariantModel(union, typeEnum, visitor, discriminator, discriminatorProperty, variant.Value, variant.Member, shared);
            AddVariant(variant.Target, variant.Name, variant.Description, variant.Properties.Where(p => !sharedNames.Contains(p.WireName)).ToEquatableArray(), variantModel, isInterface, variant.Joined, variant.Shape);
        }

        var enumDescription = "The values of the \"" + discriminator + "\" property that tell the kinds of " + name + " apart.";
        AddType(node.File, new EnumTypeModel(typeEnumName, enumDescription, ConverterName(typeEnumName), members, unknownMember));
        AddType(node.File, new UnionTypeModel(
            name,
            node.Description,
            ConverterName(name),
            discriminator,
            discriminatorProperty,
            shared,
            built.Select(b => new UnionVariantModel(NamedRef(TypeKind.Object, b.Target.File, b.Name), b.Value, b.Member)).ToEquatableArray(),
            typeEnum,
            unknownMember,
            unknownName,
            ConverterName(unknownName),
            discriminatorProperty + "Name",
            "RawJson",
            visitorName,
            IsInterface: isInterface));
        return union;
    }

    /// <summary>For a union of a few definitions, their names joined by "Or" (<c>OperationReplyOrReference</c>); else null.</summary>
    private string? OrName(List<SchemaNode> alternatives)
    {
        var names = alternatives
            .Select(a => a.Value.StringOf("$ref") is { } r && FindReferenceQuietly(a, r) is { } t && _definitionNames.TryGetValue(t.Key, out var n) ? n : null)
            .ToList();
        return names.Count is >= 2 and <= 3 && names.All(n => n is not null) ? string.Join("Or", names) : null;
    }

    /// <summary>
    /// The variants of the alternatives, inner unions' variants in their place; <paramref name="inherited"/> gets, per
    /// variant taken from an inner union, what that union writes beside its alternatives (OpenAPI's HTTP security
    /// scheme requires <c>type</c> and <c>scheme</c> beside its Bearer and Non Bearer branches).
    /// </summary>
    private List<SchemaNode> Flatten(List<SchemaNode> alternatives, HashSet<(string, string)> visiting, Dictionary<(string, string), ObjectShape> inherited)
    {
        var result = new List<SchemaNode>();
        foreach (var wrapped in alternatives)
        {
            var alternative = Unwrapped(wrapped, visiting);
            var target = alternative.Value.StringOf("$ref") is { } reference ? FindReferenceQuietly(alternative, reference) : null;
            if (target is not null && IsUnion(target) && visiting.Add(target.Key)
                && Alternatives(target)!.Where(a => !IsNullSchema(a)).ToList() is { } inner
                && inner.All(a => (a.Value.StringOf("$ref") is { } r ? FindReferenceQuietly(a, r) : a) is { } t && KindOf(t) == JsonKind.Object))
            {
                var flattened = Flatten(inner, visiting, inherited);
                var beside = ReadObjectShape(WithoutAlternatives(target), new HashSet<(string, string)>());
                if (beside.Order.Count > 0 || beside.Required.Count > 0)
                {
                    foreach (var variant in flattened)
                    {
                        var merged = new ObjectShape();
                        merged.Merge(beside);
                        if (inherited.TryGetValue(variant.Key, out var deeper))
                        {
                            merged.Merge(deeper);
                        }

                        inherited[variant.Key] = merged;
                    }
                }

                result.AddRange(flattened);
                continue;
            }

            result.Add(alternative);
        }

        return result;
    }

    /// <summary>
    /// The alternative itself, or, when it refers to a definition that is only a one-item <c>oneOf</c>/<c>anyOf</c>
    /// (GitHub's <c>commit_comment_event</c>: <c>oneOf [ $ref commit_comment$created ]</c>), that one item: the
    /// wrapper admits exactly what its item admits, so the item is the variant (and is told apart by its own content).
    /// </summary>
    private SchemaNode Unwrapped(SchemaNode alternative, HashSet<(string, string)> visiting)
    {
        while (alternative.Value.StringOf("$ref") is { } reference
               && FindReferenceQuietly(alternative, reference) is { } target
               && !IsUnion(target)
               && Alternatives(target) is { Count: 1 } single
               && target.Value.Properties.All(p => p.Name is "oneOf" or "anyOf" or "description" or "title" or "$comment" or "$schema")
               && visiting.Add(target.Key))
        {
            alternative = single[0];
        }

        return alternative;
    }

    /// <summary>
    /// Whether the target's record is being built right now (a union met while building its own properties takes it):
    /// it cannot become a variant of that union, and is reported as taken by itself.
    /// </summary>
    private bool IsRecordInProgress(SchemaNode target, out string owner)
    {
        owner = "its own record, still being built";
        return _built.TryGetValue(target.Key, out var existing) && existing.Kind == TypeKind.Object && !_variantOf.ContainsKey(target.Key)
               && !_typesByFile[target.File.Source.Path].Any(t => t is ObjectTypeModel && "global::" + target.File.Source.Namespace + "." + t.Name == existing.TypeName);
    }

    /// <summary>The name of the record given to <paramref name="target"/>, generated or still being built; null when none.</summary>
    private string? BuiltRecordName(SchemaNode target)
        => _built.TryGetValue(target.Key, out var built) && built.Kind == TypeKind.Object ? built.TypeName.Substring(built.TypeName.LastIndexOf('.') + 1) : null;

    /// <summary>Interfaces records still being built join once they are: applied before the files are made.</summary>
    private void JoinPendingInterfaces()
    {
        foreach (var (path, name, variant) in _pendingInterfaces)
        {
            var types = _typesByFile[path];
            var index = types.FindIndex(t => t is ObjectTypeModel && t.Name == name);
            if (index >= 0 && types[index] is ObjectTypeModel record)
            {
                types[index] = record with { Interfaces = record.Interfaces.Concat(new[] { variant }).ToEquatableArray() };
            }
        }

        _pendingInterfaces.Clear();
    }

    /// <summary>The name of the record already generated for a variant another union took first, or null.</summary>
    private string? ExistingRecordName(SchemaNode target)
        => _built.TryGetValue(target.Key, out var existing) && existing.Kind == TypeKind.Object
           && _typesByFile[target.File.Source.Path].OfType<ObjectTypeModel>().FirstOrDefault(t => "global::" + target.File.Source.Namespace + "." + t.Name == existing.TypeName) is { } record
            ? record.Name
            : null;

    /// <summary>
    /// Adds a variant record, or (<paramref name="joined"/>) makes the record another union generated already also
    /// implement this union's interface.
    /// </summary>
    private void AddVariant(SchemaNode target, string name, string? description, EquatableArray<PropertyModel> properties, VariantModel variant, bool isInterface, bool joined, ObjectShape? shape = null)
    {
        var extension = shape is null ? null : ExtensionDataName(shape, properties, variant.InheritedProperties);
        if (joined)
        {
            var types = _typesByFile[target.File.Source.Path];
            var index = types.FindIndex(t => t is ObjectTypeModel && t.Name == name);
            if (index < 0)
            {
                // The record is still being built (the union sits in its own properties): it joins when the build ends.
                _pendingInterfaces.Add((target.File.Source.Path, name, variant));
                return;
            }

            var record = (ObjectTypeModel)types[index];
            types[index] = record with { Interfaces = record.Interfaces.Concat(new[] { variant }).ToEquatableArray() };
            return;
        }

        AddType(target.File, isInterface
            ? new ObjectTypeModel(name, description, ConverterName(name), properties, null, new EquatableArray<VariantModel>(new[] { variant }), extension)
            : new ObjectTypeModel(name, description, ConverterName(name), properties, variant, default, extension));
    }

    /// <summary>
    /// A definition already built as a plain record (a union met later takes it as a variant): its record is taken
    /// out, to be generated again as the variant, under the same name so every reference to it stays valid.
    /// </summary>
    private string? AdoptedRecordName(SchemaNode target)
    {
        if (!_built.TryGetValue(target.Key, out var existing) || existing.Kind != TypeKind.Object || _variantOf.ContainsKey(target.Key))
        {
            return null;
        }

        var types = _typesByFile[target.File.Source.Path];
        var index = types.FindIndex(t => t is ObjectTypeModel { Variant: null } && "global::" + target.File.Source.Namespace + "." + t.Name == existing.TypeName);
        if (index < 0)
        {
            return null;
        }

        var name = types[index].Name;
        types.RemoveAt(index);
        return name;
    }

    // Properties written beside oneOf/anyOf belong to every variant (and so end on the base record).
    private static ObjectShape WithSiblings(ObjectShape siblings, ObjectShape variant)
    {
        if (siblings.Order.Count == 0)
        {
            return variant;
        }

        var merged = new ObjectShape();
        merged.Merge(siblings);
        merged.Merge(variant);
        merged.Description = variant.Description;
        merged.RemoveForbidden();
        return merged;
    }

    /// <summary>
    /// A variant as the rule planner sees it: the properties and required names written beside the alternatives, then
    /// those beside the inner union it comes from (if any), then its own; the properties it forbids taken out.
    /// </summary>
    private static ObjectShape PlanningShape(ObjectShape siblings, ObjectShape? inherited, ObjectShape variant)
    {
        if (siblings.Order.Count == 0 && siblings.Required.Count == 0 && inherited is null)
        {
            return variant;
        }

        var merged = new ObjectShape();
        merged.Merge(siblings);
        if (inherited is not null)
        {
            merged.Merge(inherited);
        }

        merged.Merge(variant);
        merged.Description = variant.Description;
        merged.RemoveForbidden();
        return merged;
    }

    private static SchemaNode WithoutAlternatives(SchemaNode node)
        => node with
        {
            Value = node.Value with
            {
                Properties = node.Value.Properties.Where(p => p.Name is not ("oneOf" or "anyOf")).ToEquatableArray(),
            },
        };

    /// <summary>The property every variant fixes to a distinct string const; "type" first when several qualify.</summary>
    private static string? FindDiscriminator(List<ObjectShape> shapes, out string problem)
    {
        // A tag required by some variants and optional in others (absent means that variant) needs the rules of the
        // .RuleUnions part; a tag no variant lists as required is taken as loosely written, and required.
        var candidates = shapes[0].Order
            .Where(p => shapes.All(s => s.ConstOf(p) is not null) && (shapes.All(s => s.Required.Contains(p)) || shapes.All(s => !s.Required.Contains(p))))
            .ToList();
        if (candidates.Count == 0)
        {
            var index = shapes.FindIndex(s => !s.Order.Any(p => s.ConstOf(p) is not null));
            problem = index >= 0
                ? "variant " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " has no property with a string const"
                : "no property has a string const in every variant";
            return null;
        }

        foreach (var candidate in PreferredDiscriminators.Where(candidates.Contains).Concat(candidates))
        {
            var values = shapes.Select(s => s.ConstOf(candidate)).ToList();
            if (values.Distinct().Count() == values.Count)
            {
                problem = string.Empty;
                return candidate;
            }
        }

        problem = "two variants share the same value of '" + candidates[0] + "'";
        return null;
    }

    /// <summary>Properties identical (name, type, requiredness, docs aside) in every variant, in the first variant's order.</summary>
    private static EquatableArray<PropertyModel> SharedProperties(List<EquatableArray<PropertyModel>> variants)
    {
        if (variants.Count == 0)
        {
            return EquatableArray<PropertyModel>.Empty;
        }

        return variants[0]
            .Where(p => variants.All(v => v.Any(q => q.WireName == p.WireName && q.Name == p.Name && q.Type == p.Type && q.IsRequired == p.IsRequired && q.ConstValue == p.ConstValue && q.DefaultValue == p.DefaultValue)))
            .ToEquatableArray();
    }
}
