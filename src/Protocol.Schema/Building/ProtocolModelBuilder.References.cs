using System;
using Sessions.Protocol.Schema.Diagnostics;
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

        var pointer = "#";
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "only JSON pointer fragments ('#/...') are supported, not anchors");
            return null;
        }

        foreach (var rawToken in fragment.Split(PointerSeparator, StringSplitOptions.None))
        {
            if (rawToken.Length == 0 && pointer == "#")
            {
                continue;
            }

            var token = Naming.UnescapePointerToken(rawToken);
            SourceJsonValue? next = current.Kind switch
            {
                SourceJsonKind.Object => current[token],
                SourceJsonKind.Array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.Items.Count => current.Items[index],
                _ => null,
            };
            if (next is null)
            {
                Report(SchemaDiagnostics.UnresolvedReference, node, "$ref", reference, "'" + file.FileName + "' has nothing at '" + pointer + "/" + rawToken + "'");
                return null;
            }

            current = next;
            pointer += "/" + Naming.EscapePointerToken(token);
        }

        return new SchemaNode(file, current, pointer);
    }

    private static string LastToken(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return Naming.UnescapePointerToken(slash < 0 ? pointer : pointer.Substring(slash + 1));
    }
}
