using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NJsonSchema.Validation;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>Where a schema node sits: only definitions and properties must carry a description.</summary>
internal enum SchemaPosition
{
    Root,
    Definition,
    Property,
    Other,
}

/// <summary>One branch of a discriminated union: the <c>type</c> constant and the definition it selects.</summary>
internal sealed record UnionBranch(string Type, string Definition);

/// <summary>
/// A discriminated union as the schema files write it: the root <c>$ref</c> names a definition holding a
/// <c>oneOf</c> of <c>$ref</c>s; each branch is <c>allOf [ {$ref envelope}, {properties: {type: {const}}} ]</c>.
/// </summary>
internal sealed record ProtocolUnion(string UnionName, string EnvelopeName, IReadOnlyList<UnionBranch> Branches)
{
    private const string LocalPrefix = "#/definitions/";

    /// <summary>Reads the root union of a schema file, or null when the file has no root type (common.schema.json).</summary>
    public static ProtocolUnion? TryRead(JsonElement schemaRoot)
    {
        if (!schemaRoot.TryGetProperty("$ref", out var rootRef))
        {
            return null;
        }

        var definitions = schemaRoot.GetProperty("definitions");
        var unionName = LocalName(rootRef.GetString());
        var union = definitions.GetProperty(unionName);
        string? envelope = null;
        var branches = new List<UnionBranch>();
        foreach (var option in union.GetProperty("oneOf").EnumerateArray())
        {
            var name = LocalName(option.GetProperty("$ref").GetString());
            var parts = definitions.GetProperty(name).GetProperty("allOf").EnumerateArray().ToList();
            var branchEnvelope = LocalName(parts[0].GetProperty("$ref").GetString());
            Assert.True(envelope is null || envelope == branchEnvelope, $"{name} extends {branchEnvelope}, other branches extend {envelope}.");
            envelope = branchEnvelope;
            var constant = parts
                .Where(p => p.TryGetProperty("properties", out var props) && props.TryGetProperty("type", out _))
                .Select(p => p.GetProperty("properties").GetProperty("type").GetProperty("const").GetString())
                .Single();
            branches.Add(new UnionBranch(constant ?? throw new InvalidOperationException($"{name}: null const"), name));
        }

        return new ProtocolUnion(unionName, envelope ?? throw new InvalidOperationException($"{unionName} has no branches"), branches);
    }

    private static string LocalName(string? reference)
    {
        Assert.NotNull(reference);
        Assert.StartsWith(LocalPrefix, reference);
        return reference.Substring(LocalPrefix.Length);
    }
}

internal static class SchemaFiles
{
    /// <summary>Every schema file name (not path) under schema/.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(RepoPaths.SchemaDir, "*.schema.json")
            .Select(Path.GetFileName)
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    public static JsonDocument Parse(string fileName) => JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema(fileName)));

    /// <summary>
    /// Visits every schema node reachable through the keywords the files use, with its JSON path and position.
    /// Schema-aware on purpose: a property that happens to be called "properties" is not a keyword.
    /// </summary>
    public static void Walk(JsonElement root, Action<string, JsonElement, SchemaPosition> visit) =>
        Walk(root, "#", SchemaPosition.Root, visit);

    private static void Walk(JsonElement node, string path, SchemaPosition position, Action<string, JsonElement, SchemaPosition> visit)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        visit(path, node, position);
        foreach (var member in node.EnumerateObject())
        {
            switch (member.Name)
            {
                case "definitions":
                    foreach (var def in member.Value.EnumerateObject())
                    {
                        Walk(def.Value, $"{path}/definitions/{def.Name}", SchemaPosition.Definition, visit);
                    }

                    break;
                case "properties":
                    foreach (var prop in member.Value.EnumerateObject())
                    {
                        Walk(prop.Value, $"{path}/properties/{prop.Name}", SchemaPosition.Property, visit);
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var i = 0;
                    foreach (var sub in member.Value.EnumerateArray())
                    {
                        Walk(sub, $"{path}/{member.Name}/{i++}", SchemaPosition.Other, visit);
                    }

                    break;
                case "items" or "additionalProperties" or "not":
                    Walk(member.Value, $"{path}/{member.Name}", SchemaPosition.Other, visit);
                    break;
            }
        }
    }

    /// <summary>
    /// NJsonSchema nests errors (allOf failures come back as one NotAllOf holding the real ones); this returns
    /// the innermost errors, the ones that name an actual problem.
    /// </summary>
    public static IReadOnlyList<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        var leaves = new List<ValidationError>();
        foreach (var error in errors)
        {
            var children = error is ChildSchemaValidationError child
                ? child.Errors.SelectMany(e => e.Value).ToList()
                : new List<ValidationError>();
            if (children.Count == 0)
            {
                leaves.Add(error);
            }
            else
            {
                leaves.AddRange(Leaves(children));
            }
        }

        return leaves;
    }

    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Kind} at {e.Path}"));
}
