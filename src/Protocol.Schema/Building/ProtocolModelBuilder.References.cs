using System;
using System.Collections.Generic;
using System.Linq;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Json;
using Sessions.Protocol.Schema.Model;

namespace Sessions.Protocol.Schema.Building;

/// <summary>Following <c>$ref</c> within a file and to other schema files of the same set.</summary>
internal sealed partial class ProtocolModelBuilder
{
    private static readonly char[] PointerSeparator = { '/' };

    private TypeRef ResolveReference(SchemaNode node, string reference)
    {
        var target = FindReference(node, reference);
        if (target is null)
        {
            return JsonRef;
        }

        if (_built.TryGetValue(target.Key, out var done))
        {
            return done;
        }

        // A definition that is only a one-item oneOf of another reference (Avro's avroSchema: oneOf [types]) is that
        // reference: followed directly, a type that refers to itself through it (an Avro union of Avro schemas) finds
        // the type being built instead of a cycle of references.
        if (Unwrapped(node, new HashSet<(string, string)>()) is { } inner && !ReferenceEquals(inner, node)
            && inner.Value.StringOf("$ref") is { } innerReference)
        {
            return ResolveReference(inner, innerReference);
        }

        if (!_resolving.Add(target.Key))
        {
            Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "it refers back to itself through other references only");
            return JsonRef;
        }

        try
        {
            var name = _definitionNames.TryGetValue(target.Key, out var reserved)
                ? reserved
                : Naming.ToPascal(LastToken(target.Pointer));
            var type = Resolve(target, name);
            _built[target.Key] = type;
            return type;
        }
        finally
        {
            _resolving.Remove(target.Key);
        }
    }

    /// <summary>The schema a <c>$ref</c> points at, or null; reports nothing (the build reports it when it gets there).</summary>
    private SchemaNode? FindReferenceQuietly(SchemaNode node, string reference)
    {
        var count = _diagnostics.Count;
        var target = FindReference(node, reference);
        _diagnostics.RemoveRange(count, _diagnostics.Count - count);
        return target;
    }

    /// <summary>The schema a <c>$ref</c> points at, or null after reporting why not.</summary>
    private SchemaNode? FindReference(SchemaNode node, string reference)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);

        var file = node.File;
        if (filePart.Length > 0)
        {
            // A file of the set whose $id is the reference wins; else, for a relative reference, its file name.
            var wanted = System.IO.Path.GetFileName(filePart.Replace('\\', '/'));
            var remote = filePart.IndexOf("://", StringComparison.Ordinal) >= 0;
            file = _files.Find(f => f.Root is { IsObject: true } root && root.StringOf("$id") is { } id && string.Equals(id, filePart, StringComparison.Ordinal))
                   ?? (remote ? null : _files.Find(f => string.Equals(f.FileName, wanted, StringComparison.OrdinalIgnoreCase)))!;
            if (file is null && remote)
            {
                Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "remote references are not fetched, and no schema file of the set has this $id");
                return null;
            }

            if (file is null)
            {
                Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "no schema file named '" + wanted + "' is in the set");
                return null;
            }
        }

        if (file.Root is not { } current)
        {
            Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "'" + file.FileName + "' did not parse");
            return null;
        }

        if (fragment.Length > 0 && fragment[0] != '/')
        {
            Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "only JSON pointer fragments ('#/...') are supported, not anchors");
            return null;
        }

        if (Walk(file, current, "#", fragment, out var failedAt) is { } found)
        {
            return found;
        }

        // A schema embedded in a definition with its own "$schema" or "$id" (as zod and other generators write them)
        // resolves "#/..." against itself: the innermost such ancestor that has the target wins.
        if (filePart.Length == 0)
        {
            foreach (var embedded in EmbeddedSchemaAncestors(node))
            {
                if (Walk(file, embedded.Value, embedded.Pointer, fragment, out _) is { } inner)
                {
                    return inner;
                }
            }
        }

        Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "'" + file.FileName + "' has nothing at '" + failedAt + "'");
        return null;
    }

    /// <summary>Follows a JSON pointer fragment from <paramref name="start"/>; null (and where it failed) when it leads nowhere.</summary>
    private static SchemaNode? Walk(ParsedSchemaFile file, SourceJsonValue start, string startPointer, string fragment, out string failedAt)
    {
        var current = start;
        var pointer = startPointer;
        var first = true;
        foreach (var rawToken in fragment.Split(PointerSeparator, StringSplitOptions.None))
        {
            if (rawToken.Length == 0 && first)
            {
                first = false;
                continue;
            }

            first = false;
            var token = Naming.UnescapePointerToken(rawToken);
            SourceJsonValue? next = current.Kind switch
            {
                SourceJsonKind.Object => current[token],
                SourceJsonKind.Array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.Items.Count => current.Items[index],
                _ => null,
            };
            if (next is null)
            {
                failedAt = pointer + "/" + rawToken;
                return null;
            }

            current = next;
            pointer += "/" + Naming.EscapePointerToken(token);
        }

        failedAt = string.Empty;
        return new SchemaNode(file, current, pointer);
    }

    /// <summary>The ancestors of <paramref name="node"/> that declare <c>$schema</c> or <c>$id</c>, innermost first.</summary>
    private static IEnumerable<SchemaNode> EmbeddedSchemaAncestors(SchemaNode node)
    {
        if (node.File.Root is not { } root)
        {
            yield break;
        }

        var tokens = node.Pointer.Split(PointerSeparator, StringSplitOptions.None).Skip(1).ToList();
        var chain = new List<SchemaNode>();
        var current = root;
        var pointer = "#";
        foreach (var raw in tokens)
        {
            var token = Naming.UnescapePointerToken(raw);
            SourceJsonValue? next = current.Kind switch
            {
                SourceJsonKind.Object => current[token],
                SourceJsonKind.Array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.Items.Count => current.Items[index],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            current = next;
            pointer += "/" + raw;
            if (current.IsObject && (current["$schema"] is not null || current["$id"] is not null))
            {
                chain.Add(new SchemaNode(node.File, current, pointer));
            }
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            yield return chain[i];
        }
    }

    private static string LastToken(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return Naming.UnescapePointerToken(slash < 0 ? pointer : pointer.Substring(slash + 1));
    }
}
