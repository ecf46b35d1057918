using System;
using System.Collections.Generic;

using System.Globalization;
using System.Linq;
using System.Threading;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>
/// Second step of the pipeline: the parsed schema files of a project to one <see cref="ProtocolModel"/>.
/// Every decision lives here (names, nullability, unions, which converter); the emitter only prints.
/// </summary>
/// <remarks>
/// Order of work, chosen so that names do not depend on the order of definitions in a file:
/// files by path, definitions by name; first every definition's name is reserved, then unions are
/// built (so their variants are known as variants), then everything else.
/// </remarks>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly string[] DefinitionContainers = { "$defs", "definitions" };
    private static readonly string[] SchemaSuffixes = { ".schema.json", ".json" };

    private readonly List<ParsedSchemaFile> _files;
    private readonly CancellationToken _cancellationToken;
    private readonly List<SchemaDiagnostic> _diagnostics = new();
    private readonly Dictionary<string, TextLocator> _locators = new(StringComparer.Ordinal);

    // Built types by (file path, pointer): named definitions, inline objects, enums, unions.
    private readonly Dictionary<(string Path, string Pointer), TypeRef> _built = new();

    // What each file contributes, in the order built (sorted by name when the model is made).
    private readonly Dictionary<string, List<TypeModel>> _typesByFile = new(StringComparer.Ordinal);

    // Names taken per namespace, for types; converters live in "<namespace>.Serialization".
    private readonly Dictionary<string, NameScope> _namespaces = new(StringComparer.Ordinal);

    // Definitions: their node and reserved C# name.
    private readonly List<(SchemaNode Node, string Name)> _definitions = new();
    private readonly Dictionary<(string Path, string Pointer), string> _definitionNames = new();

    // Which union a definition was taken into as a variant.
    private readonly Dictionary<(string Path, string Pointer), string> _variantOf = new();

    // Interface unions met while their variant's record was being built: (file, record name, membership).
    private readonly List<(string Path, string Name, VariantModel Variant)> _pendingInterfaces = new();

    // Inline schemas by file and exact JSON text, to reuse the type of an equal shape.
    private readonly Dictionary<string, TypeRef> _byShape = new(StringComparer.Ordinal);

    // $ref chains being followed, to stop cycles.
    private readonly HashSet<(string Path, string Pointer)> _resolving = new();

    private ProtocolModelBuilder(IEnumerable<ParsedSchemaFile> files, CancellationToken cancellationToken)
    {
        _files = files.OrderBy(f => f.Source.Path, StringComparer.Ordinal).ToList();
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds the model. Never throws for bad schemas: they become diagnostics.</summary>
    public static ProtocolModel Build(IEnumerable<ParsedSchemaFile> files, CancellationToken cancellationToken = default)
        => new ProtocolModelBuilder(files, cancellationToken).Build();

    private ProtocolModel Build()
    {
        foreach (var file in _files)
        {
            _diagnostics.AddRange(file.Diagnostics);
            _typesByFile[file.Source.Path] = new List<TypeModel>();
        }

        CollectDefinitions();
        var (mixins, variantTargets) = ScanReferences();
        // A building block is not generated, unless the schema shows instances of it as a value of its own
        // (its "examples"): then a reader of the schema expects to decode those, so it gets its record too.
        _definitions.RemoveAll(d => mixins.Contains(d.Node.Key) && d.Node.Value["examples"] is not { Kind: SourceJsonKind.Array, Items.Count: > 0 });

        // Unions first, then what is not a variant, then variants whose union nothing reached: a definition
        // that some union takes as a variant must be built by that union, as a subclass, not before it.
        var order = _definitions.Where(d => IsUnion(d.Node))
            .Concat(_definitions.Where(d => !variantTargets.Contains(d.Node.Key)))
            .Concat(_definitions.Where(d => variantTargets.Contains(d.Node.Key)));
        foreach (var (node, _) in order.ToList())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ResolveDefinition(node);
        }

        JoinPendingInterfaces();
        var files = MakeFiles();
        return new ProtocolModel(files, SortedDiagnostics()) { TypeFiles = TypeFiles.Split(files) };
    }

    private void CollectDefinitions()
    {
        foreach (var file in _files)
        {
            if (file.Root is not { } root)
            {
                continue;
            }

            var rootNode = new SchemaNode(file, root, "#");
            if (!root.IsObject)
            {
                if (root.Kind is not (SourceJsonKind.True or SourceJsonKind.False))
                {
                    Report(SchemaDiagnostics.MalformedKeyword, rootNode, root.Start, root.Length, "(root)", "a JSON object");
                }

                continue;
            }

            var found = new List<(SchemaNode Node, string WireName)>();
            foreach (var container in DefinitionContainers)
            {
                if (rootNode.Child(container) is not { } definitions)
                {
                    continue;
                }

                if (!definitions.Value.IsObject)
                {
                    var keyword = root.Property(container)!;
                    Report(SchemaDiagnostics.MalformedKeyword, definitions, keyword.NameStart, keyword.NameLength, container, "an object of named schemas");
                    continue;
                }

                foreach (var property in definitions.Value.Properties)
                {
                    var node = new SchemaNode(file, property.Value, definitions.Pointer + "/" + Naming.EscapePointerToken(property.Name));
                    found.Add((node, property.Name));
                }
            }

            // The root is a type of its own when it says more than "$ref" (our files only point at their union).
            if (DefinesType(root))
            {
                var title = root.StringOf("title");
                found.Add((rootNode, title ?? FileStem(file)));
            }

            foreach (var (node, wireName) in found.OrderBy(f => f.WireName, StringComparer.Ordinal).ThenBy(f => f.Node.Pointer, StringComparer.Ordinal))
            {
                var name = TakeTypeName(file, Naming.ToPascal(wireName), node);
                _definitions.Add((node, name));
                _definitionNames[node.Key] = name;
            }
        }
    }

    /// <summary>
    /// Definitions that are referenced only as parts of an <c>allOf</c> (an envelope every event
    /// merges in, say). They are building blocks, not values, so no record is generated for them (unless the
    /// schema gives examples of them: see <see cref="Build()"/>).
    /// </summary>
    /// <returns>The allOf-only definitions, and every definition that a union (anywhere) takes as a variant.</returns>
    private (HashSet<(string Path, string Pointer)> Mixins, HashSet<(string Path, string Pointer)> VariantTargets) ScanReferences()
    {
        var fromAllOf = new HashSet<(string, string)>();
        var elsewhere = new HashSet<(string, string)>();
        var variants = new HashSet<(string, string)>();
        foreach (var file in _files)
        {
            if (file.Root is { } root)
            {
                CollectReferences(new SchemaNode(file, root, "#"), insideAllOf: false, fromAllOf, elsewhere, variants);
            }
        }

        fromAllOf.ExceptWith(elsewhere);
        return (fromAllOf, variants);
    }

    private void CollectReferences(SchemaNode node, bool insideAllOf, HashSet<(string, string)> fromAllOf, HashSet<(string, string)> elsewhere, HashSet<(string, string)> variants)
    {
        if (node.Value.Kind == SourceJsonKind.Array)
        {
            for (var i = 0; i < node.Value.Items.Count; i++)
            {
                CollectReferences(node.Item(node.Value.Items[i], i), insideAllOf, fromAllOf, elsewhere, variants);
            }

            return;
        }

        if (!node.Value.IsObject)
        {
            return;
        }

        if (node.Value.StringOf("$ref") is { } reference && FindReferenceQuietly(node, reference) is { } target)
        {
            (insideAllOf ? fromAllOf : elsewhere).Add(target.Key);
        }

        if (IsUnion(node))
        {
            foreach (var alternative in Alternatives(node)!)
            {
                if (alternative.Value.StringOf("$ref") is { } variantReference && FindReferenceQuietly(alternative, variantReference) is { } variant)
                {
                    variants.Add(variant.Key);
                }
            }
        }

        foreach (var property in node.Value.Properties)
        {
            if (property.Value.Kind is not (SourceJsonKind.Object or SourceJsonKind.Array))
            {
                continue;
            }

            var child = node.Child(property.Name)!;
            if (SchemaMapKeywords.Contains(property.Name) && property.Value.IsObject)
            {
                // A map of names to schemas: its keys are names ("oneOf" may be a property's name), its values schemas.
                foreach (var entry in child.Value.Properties)
                {
                    CollectReferences(child.Child(entry.Name)!, false, fromAllOf, elsewhere, variants);
                }
            }
            else
            {
                CollectReferences(child, property.Name == "allOf", fromAllOf, elsewhere, variants);
            }
        }
    }

    private static readonly HashSet<string> SchemaMapKeywords = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    };

    private static bool DefinesType(SourceJsonValue schema)
        => schema["properties"] is not null || schema["oneOf"] is not null || schema["anyOf"] is not null
           || schema["allOf"] is not null || schema["enum"] is not null || schema["type"] is not null;

    private static string FileStem(ParsedSchemaFile file)
    {
        var name = file.FileName;
        foreach (var suffix in SchemaSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    private void ResolveDefinition(SchemaNode node)
    {
        if (!_built.ContainsKey(node.Key))
        {
            _built[node.Key] = Resolve(node, _definitionNames[node.Key]);
        }
    }

    private EquatableArray<GeneratedFileModel> MakeFiles()
    {
        var files = new List<GeneratedFileModel>();
        foreach (var file in _files)
        {
            var types = _typesByFile[file.Source.Path];
            if (types.Count == 0)
            {
                continue;
            }

            files.Add(new GeneratedFileModel(
                file.FileName,
                file.Source.Namespace,
                types.OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableArray(),
                file.Source.AccessibilityKeyword ?? "public"));
        }

        return files.ToEquatableArray();
    }

    private EquatableArray<SchemaDiagnostic> SortedDiagnostics()
        => _diagnostics
            .OrderBy(d => d.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Distinct()
            .ToEquatableArray();

    // ---- names -------------------------------------------------------------------------------

    private NameScope NamespaceScope(string ns)
    {
        if (!_namespaces.TryGetValue(ns, out var scope))
        {
            scope = new NameScope();
            scope.Reserve("Serialization", "the namespace of the converters");
            _namespaces[ns] = scope;
        }

        return scope;
    }

    /// <summary>Takes a type name in the file's namespace (and its converter's name), reporting a collision.</summary>
    /// <remarks>
    /// A name taken already gives way to one that says where this type comes from: <paramref name="fallback"/> when
    /// given, else the name of the nearest enclosing generated type (or definition) in front of the wanted one. Only
    /// when those are taken too is a number appended, and reported.
    /// </remarks>
    private string TakeTypeName(ParsedSchemaFile file, string wanted, SchemaNode owner, string? fallback = null)
    {
        var ownerText = file.FileName + owner.Pointer;
        var scope = NamespaceScope(file.Source.Namespace);
        if (scope.IsTaken(wanted))
        {
            var context = EnclosingTypeName(owner);
            foreach (var candidate in new[] { fallback, context is null || wanted.StartsWith(context, StringComparison.Ordinal) ? null : context + wanted })
            {
                if (candidate is not null && !scope.IsTaken(candidate))
                {
                    return scope.Take(candidate, ownerText).Name;
                }
            }
        }

        var (name, collidedWith) = scope.Take(wanted, ownerText);
        if (collidedWith is not null)
        {
            Report(SchemaDiagnostics.NameCollision, owner, owner.Value.Start, Math.Min(owner.Value.Length, 1), wanted, collidedWith, name);
        }

        return name;
    }

    /// <summary>
    /// A definition's reserved name; else the schema's <c>title</c>, when it has one the hint does not already start
    /// with (an inline schema's title names it as a definition's name would), with the name made from where it sits as
    /// the fallback; else a new name taken from <paramref name="hint"/>.
    /// </summary>
    private string NameFor(SchemaNode node, string hint, string? fallback = null)
    {
        if (_definitionNames.TryGetValue(node.Key, out var reserved))
        {
            return reserved;
        }

        return node.Value.IsObject && node.Value.StringOf("title") is { } title && Naming.ToPascal(title) is { Length: > 0 } titled
               && char.IsLetter(titled[0]) && !hint.StartsWith(titled, StringComparison.Ordinal)
            ? TakeTypeName(node.File, titled, node, fallback ?? hint)
            : TakeTypeName(node.File, hint, node, fallback);
    }

    /// <summary>The simple name of the nearest generated type or definition that encloses <paramref name="node"/>, or null.</summary>
    private string? EnclosingTypeName(SchemaNode node)
    {
        var pointer = node.Pointer;
        for (var slash = pointer.LastIndexOf('/'); slash > 0; slash = pointer.LastIndexOf('/'))
        {
            pointer = pointer.Substring(0, slash);
            var key = (node.File.Source.Path, pointer);
            if (_definitionNames.TryGetValue(key, out var definition))
            {
                return definition;
            }

            if (_built.TryGetValue(key, out var built) && built.Kind is TypeKind.Object or TypeKind.Union or TypeKind.KindUnion)
            {
                return built.TypeName.Substring(built.TypeName.LastIndexOf('.') + 1);
            }
        }

        return null;
    }

    private static string ConverterName(string typeName) => typeName + "JsonConverter";

    // Typed as any TypeRef: the builder's methods hand back whichever shape a schema turns out to be.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance", Justification = "Callers mix it with other shapes.")]
    private static TypeRef NamedRef(TypeKind kind, ParsedSchemaFile file, string name)
        => new GeneratedTypeRef(kind, "global::" + file.Source.Namespace + "." + name, "global::" + file.Source.Namespace + ".Serialization." + ConverterName(name));

    private void AddType(ParsedSchemaFile file, TypeModel type) => _typesByFile[file.Source.Path].Add(type);

    // ---- diagnostics -------------------------------------------------------------------------

    private void Report(SchemaDiagnosticDescriptor descriptor, SchemaNode node, string keyword, params object[] args)
    {
        var property = node.Value.IsObject ? node.Value.Property(keyword) : null;
        if (property is not null)
        {
            Report(descriptor, node, property.NameStart, property.NameLength, args);
        }
        else
        {
            Report(descriptor, node, node.Value.Start, node.Value.Length, args);
        }
    }

    private void Report(SchemaDiagnosticDescriptor descriptor, SchemaNode node, int byteStart, int byteLength, params object[] args)
    {
        if (!_locators.TryGetValue(node.File.Source.Path, out var locator))
        {
            locator = new TextLocator(node.File.Source.Path, node.File.Source.Text);
            _locators[node.File.Source.Path] = locator;
        }

        var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
        _diagnostics.Add(new SchemaDiagnostic(descriptor.Id, descriptor.Severity, message, locator.FromUtf8Span(byteStart, byteLength), node.Pointer));
    }
}
