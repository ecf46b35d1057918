using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using Newtonsoft.Json.Serialization;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>
/// Validates instances against a schema file with NJsonSchema (an independent validator), and tells which
/// alternatives of a union an instance is valid against.
/// </summary>
public sealed class SchemaValidator
{
    private static readonly ConcurrentDictionary<SchemaCase, Lazy<Task<SchemaValidator>>> Cache = new();

    private readonly JsonSchema _root;

    private SchemaValidator(JsonSchema root) => _root = root;

    /// <summary>The validator of a case's schema (loaded once per test run).</summary>
    public static Task<SchemaValidator> ForAsync(SchemaCase schemaCase) =>
        Cache.GetOrAdd(schemaCase, c => new Lazy<Task<SchemaValidator>>(() => LoadAsync(c))).Value;

    /// <summary>Why <paramref name="json"/> is not valid against <paramref name="definition"/> (<c>#</c>: the root); empty when it is.</summary>
    public IReadOnlyList<string> Errors(string definition, string json) =>
        Definition(definition).Validate(json).Select(e => e.ToString()).ToList();

    /// <summary>
    /// The alternatives (<c>oneOf</c>, then <c>anyOf</c>) of a union definition that <paramref name="json"/> is valid against:
    /// their index, the definition an alternative refers to (null for an inline one), and whether the alternative fixes
    /// a property with a single <c>const</c> or one-value <c>enum</c> (a tag).
    /// </summary>
    public IReadOnlyList<(int Index, string? Definition, bool HasTag)> MatchingAlternatives(string definition, string json)
    {
        JsonSchema union = Definition(definition);
        List<JsonSchema> alternatives = union.OneOf.Concat(union.AnyOf).ToList();
        var matches = new List<(int, string?, bool)>();
        for (int i = 0; i < alternatives.Count; i++)
        {
            JsonSchema alternative = alternatives[i];
            JsonSchema actual = alternative.ActualSchema;
            if (actual.Validate(json).Count == 0)
            {
                string? name = alternative.HasReference
                    ? _root.Definitions.Where(d => ReferenceEquals(d.Value, alternative.Reference) || ReferenceEquals(d.Value, actual)).Select(d => d.Key).FirstOrDefault()
                    : null;
                bool hasTag = actual.ActualProperties.Values.Any(p => p.ActualSchema.Enumeration.Count == 1);
                matches.Add((i, name, hasTag));
            }
        }

        return matches;
    }

    /// <summary>Whether the definition is a union of <c>oneOf</c>/<c>anyOf</c> alternatives for NJsonSchema.</summary>
    public bool HasAlternatives(string definition)
    {
        JsonSchema schema = Definition(definition);
        return schema.OneOf.Count + schema.AnyOf.Count > 0;
    }

    private JsonSchema Definition(string definition) =>
        definition == SchemaDocument.Root ? _root
        : _root.Definitions.TryGetValue(definition, out JsonSchema? schema) ? schema.ActualSchema
        : throw new KeyNotFoundException($"NJsonSchema found no definition '{definition}' in the schema.");

    private static async Task<SchemaValidator> LoadAsync(SchemaCase schemaCase) =>
        new(await JsonSchema.FromJsonAsync(
            NJsonSchemaDialect.Rewrite(schemaCase.ReadSchema()),
            documentPath: null!,
            schema => new LenientReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))).ConfigureAwait(false));

    /// <summary>
    /// Takes a local reference that points nowhere as the schema that admits everything, instead of refusing the whole
    /// file. Published schemas have such references: zod-generated ones (MCP Apps) write <c>#/$defs/__schema0</c> inside a
    /// definition whose own <c>$defs</c> holds it, which resolves against the document root, where it is not.
    /// </summary>
    private sealed class LenientReferenceResolver(JsonSchemaAppender appender) : JsonReferenceResolver(appender)
    {
        public override IJsonReference ResolveDocumentReference(object rootObject, string jsonPath, Type targetType, IContractResolver contractResolver)
        {
            try
            {
                return base.ResolveDocumentReference(rootObject, jsonPath, targetType, contractResolver);
            }
            catch (InvalidOperationException)
            {
                return new JsonSchema();
            }
        }
    }
}
