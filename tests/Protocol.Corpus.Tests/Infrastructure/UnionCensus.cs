using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Sessions.Protocol.Corpus.Tests.Infrastructure;

/// <summary>
/// A union of the schema at a place where the generated C# can be found by its public members: a definition (or the
/// root), or a property, array item or map value reached from one through <c>properties</c>, <c>allOf</c>,
/// <c>items</c> and <c>additionalProperties</c>.
/// </summary>
/// <param name="Definition">The definition it is in (<c>#</c> for the root).</param>
/// <param name="Pointer">Its JSON pointer in the schema file.</param>
/// <param name="Steps">From the definition's type to it: wire property names, <c>[]</c> for an array's item, <c>{}</c> for a map's value.</param>
/// <param name="Form">What makes it a union, for messages (<c>oneOf of 3</c>, <c>type [string, integer]</c>).</param>
/// <param name="Schema">The union's schema object.</param>
public sealed record UnionSite(string Definition, string Pointer, IReadOnlyList<string> Steps, string Form, JsonObject Schema)
{
    /// <summary>The definition and steps as one path (<c>Tool.inputSchema.type</c>).</summary>
    public string Path => Steps.Count == 0 ? Definition : Definition + "." + string.Join(".", Steps);
}

/// <summary>A place that uses a definition through <c>$ref</c>, reached as a <see cref="UnionSite"/> is.</summary>
/// <param name="Definition">The definition it is in (<c>#</c> for the root).</param>
/// <param name="Pointer">The pointer of the schema object holding the <c>$ref</c>.</param>
/// <param name="Steps">From the definition's type to it, as in <see cref="UnionSite.Steps"/>.</param>
public sealed record UseSite(string Definition, string Pointer, IReadOnlyList<string> Steps)
{
    /// <summary>The definition and steps as one path (<c>ping$event.hook.events</c>).</summary>
    public string Path => Steps.Count == 0 ? Definition : Definition + "." + string.Join(".", Steps);
}

/// <summary>
/// Counts the unions of a schema. A schema object is a union when it has
/// <list type="bullet">
/// <item><c>oneOf</c> or <c>anyOf</c> with at least two alternatives that are not the null schema (<c>{"type":"null"}</c>):
/// a nullable <c>X</c> written as <c>anyOf [X, null]</c> is nullability, not a union; or</item>
/// <item><c>type</c> as an array of at least two JSON kinds other than <c>null</c> (<c>integer</c> with <c>number</c>
/// counts once),</item>
/// </list>
/// unless its alternatives together admit every JSON kind (string, number, boolean, object and array), or one of them
/// constrains nothing (<c>{}</c>, <c>true</c>): that means
/// "any JSON value", which the generator rightly keeps as <c>JsonElement</c>. Enums written as <c>oneOf</c> of
/// <c>const</c>s are unions of this kind too (their typed form is an enum).
/// <para>
/// A union that is a member of an <c>allOf</c> (directly, or as a definition referred to only from <c>allOf</c>s) is
/// a constraint on the object it is merged into, not a value of its own: <c>allOf [anyOf [width, maxWidth], anyOf
/// [height, maxHeight]]</c> has no hierarchy to become. Such unions are counted with <see cref="Elsewhere"/>.
/// </para>
/// </summary>
public sealed class UnionCensus
{
    private static readonly string[] EveryKind = { "string", "number", "boolean", "object", "array" };

    private UnionCensus(IReadOnlyList<UnionSite> sites, IReadOnlyList<string> elsewhere, IReadOnlyDictionary<string, List<UseSite>> uses)
    {
        Sites = sites;
        Elsewhere = elsewhere;
        _uses = uses;
    }

    private readonly IReadOnlyDictionary<string, List<UseSite>> _uses;

    /// <summary>Unions at places the tests can find in the generated code (see <see cref="UnionSite"/>).</summary>
    public IReadOnlyList<UnionSite> Sites { get; }

    /// <summary>
    /// Pointers of the other unions of the file: inside a union's alternatives, <c>patternProperties</c>, <c>not</c>,
    /// <c>if</c>/<c>then</c>/<c>else</c>, tuple items... Counted for the report; their C# place has no public path.
    /// </summary>
    public IReadOnlyList<string> Elsewhere { get; }

    /// <summary>
    /// The places that use <paramref name="definition"/> through <c>$ref</c> and have a public path: a property, array
    /// item or map value, reached through <c>properties</c>, <c>allOf</c>, <c>items</c>, <c>additionalProperties</c>,
    /// a nullable wrapper (<c>anyOf [X, null]</c>) or the <c>then</c>/<c>else</c> of a condition on the same value. A
    /// reference from a union's alternative is that union's variant, not a use with a path of its own.
    /// </summary>
    public IReadOnlyList<UseSite> UsesOf(string definition) =>
        _uses.TryGetValue(definition, out List<UseSite>? uses) ? uses : Array.Empty<UseSite>();

    /// <summary>Takes the census of a schema.</summary>
    public static UnionCensus Take(SchemaDocument schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var sites = new List<UnionSite>();
        IEnumerable<string> definitions = schema.Definitions.Keys;
        if (schema.RootDefinesType)
        {
            definitions = definitions.Prepend(SchemaDocument.Root);
        }

        HashSet<string> mixins = MixinDefinitions(schema);
        foreach (string definition in definitions.Where(d => !(mixins.Contains(d) && IsUnion(schema.Schema(d), out _))))
        {
            Walk(schema.Schema(definition), definition, schema.Pointer(definition), new List<string>(), sites);
        }

        var all = new List<string>();
        FindAll(schema.RootSchema, "#", all);
        var located = sites.Select(s => s.Pointer).ToHashSet(StringComparer.Ordinal);
        var uses = new Dictionary<string, List<UseSite>>(StringComparer.Ordinal);
        foreach (string definition in definitions)
        {
            FindUses(schema, schema.Schema(definition), definition, schema.Pointer(definition), new List<string>(), uses);
        }

        return new UnionCensus(sites, all.Where(p => !located.Contains(p)).ToList(), uses);
    }

    /// <summary>Whether <paramref name="node"/> is a union (see the class remarks), and in what form.</summary>
    public static bool IsUnion(JsonNode? node, out string form)
    {
        form = string.Empty;
        if (node is not JsonObject schema)
        {
            return false;
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray alternatives)
            {
                List<JsonNode?> nonNull = alternatives.Where(a => !IsNullSchema(a)).ToList();
                if (nonNull.Count >= 2 && !nonNull.Any(AcceptsAnything) && !AdmitsEveryKind(nonNull.Select(KindOnly)))
                {
                    form = $"{keyword} of {nonNull.Count}";
                    return true;
                }
            }
        }

        if (schema["type"] is JsonArray types)
        {
            var kinds = types.Select(t => t?.GetValue<string>()).Where(t => t is not null && t != "null").Select(t => t!).ToList();
            if (kinds.Contains("integer") && kinds.Contains("number"))
            {
                kinds.Remove("integer");
            }

            if (kinds.Count >= 2 && !AdmitsEveryKind(kinds))
            {
                form = "type [" + string.Join(", ", kinds) + "]";
                return true;
            }
        }

        return false;
    }

    private static void Walk(JsonNode? node, string definition, string pointer, List<string> steps, List<UnionSite> sites)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (IsUnion(schema, out string form))
        {
            sites.Add(new UnionSite(definition, pointer, steps.ToList(), form, schema));
            return;
        }

        if (schema.ContainsKey("$ref"))
        {
            return; // a definition: counted where it is defined
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                steps.Add(property.Key);
                Walk(property.Value, definition, pointer + "/properties/" + Escape(property.Key), steps, sites);
                steps.RemoveAt(steps.Count - 1);
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            for (int i = 0; i < parts.Count; i++)
            {
                if (!IsUnion(parts[i], out _))
                {
                    Walk(parts[i], definition, pointer + "/allOf/" + i, steps, sites);
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            steps.Add("[]");
            Walk(items, definition, pointer + "/items", steps, sites);
            steps.RemoveAt(steps.Count - 1);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            steps.Add("{}");
            Walk(values, definition, pointer + "/additionalProperties", steps, sites);
            steps.RemoveAt(steps.Count - 1);
        }
    }

    // Where each definition is used by $ref, through the keywords that keep the same value or step to a public member.
    private static void FindUses(SchemaDocument document, JsonNode? node, string definition, string pointer, List<string> steps, Dictionary<string, List<UseSite>> uses)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference && reference.TryGetValue(out string? target) && document.DefinitionOf(target) is { } used)
        {
            if (!uses.TryGetValue(used, out List<UseSite>? list))
            {
                uses[used] = list = new List<UseSite>();
            }

            list.Add(new UseSite(definition, pointer, steps.ToList()));
            return;
        }

        if (IsUnion(schema, out _))
        {
            return; // its alternatives are variants, with no public path of their own
        }

        foreach (string keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray alternatives && alternatives.Count(a => !IsNullSchema(a)) == 1)
            {
                int index = alternatives.ToList().FindIndex(a => !IsNullSchema(a));
                FindUses(document, alternatives[index], definition, pointer + "/" + keyword + "/" + index, steps, uses);
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            // A $ref among other parts is merged into this object (its properties become this type's): not a use of
            // its type. A lone one ({"description", "allOf": [{"$ref"}]}) is that reference.
            for (int i = 0; i < parts.Count; i++)
            {
                if (parts.Count == 1 || parts[i] is not JsonObject { } part || !part.ContainsKey("$ref"))
                {
                    FindUses(document, parts[i], definition, pointer + "/allOf/" + i, steps, uses);
                }
            }
        }

        foreach (string branch in new[] { "then", "else" })
        {
            FindUses(document, schema[branch], definition, pointer + "/" + branch, steps, uses);
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                steps.Add(property.Key);
                FindUses(document, property.Value, definition, pointer + "/properties/" + Escape(property.Key), steps, uses);
                steps.RemoveAt(steps.Count - 1);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            steps.Add("[]");
            FindUses(document, items, definition, pointer + "/items", steps, uses);
            steps.RemoveAt(steps.Count - 1);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            steps.Add("{}");
            FindUses(document, values, definition, pointer + "/additionalProperties", steps, uses);
            steps.RemoveAt(steps.Count - 1);
        }
    }

    // The definitions every reference to which is a direct member of an allOf.
    private static HashSet<string> MixinDefinitions(SchemaDocument schema)
    {
        var inAllOf = new HashSet<string>(StringComparer.Ordinal);
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        void Visit(JsonNode? node, bool allOfMember)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue r && r.TryGetValue(out string? reference) && schema.DefinitionOf(reference) is { } target)
                    {
                        (allOfMember ? inAllOf : elsewhere).Add(target);
                    }

                    foreach (KeyValuePair<string, JsonNode?> child in o)
                    {
                        if (child.Key is "const" or "enum" or "default" or "examples" or "example")
                        {
                            continue;
                        }

                        if (child.Key == "allOf" && child.Value is JsonArray parts)
                        {
                            foreach (JsonNode? part in parts)
                            {
                                Visit(part, allOfMember: true);
                            }
                        }
                        else
                        {
                            Visit(child.Value, allOfMember: false);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (JsonNode? item in a)
                    {
                        Visit(item, allOfMember: false);
                    }

                    break;
            }
        }

        Visit(schema.RootSchema, allOfMember: false);
        inAllOf.ExceptWith(elsewhere);
        return inAllOf;
    }

    // Every union anywhere in the file, through the keywords whose values are schemas (never through const, enum,
    // default or examples, whose values are data).
    private static void FindAll(JsonNode? node, string pointer, List<string> found)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (IsUnion(schema, out _))
        {
            found.Add(pointer);
        }

        foreach (KeyValuePair<string, JsonNode?> keyword in schema)
        {
            string at = pointer + "/" + Escape(keyword.Key);
            switch (keyword.Key)
            {
                case "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas":
                    if (keyword.Value is JsonObject map)
                    {
                        foreach (KeyValuePair<string, JsonNode?> entry in map)
                        {
                            FindAll(entry.Value, at + "/" + Escape(entry.Key), found);
                        }
                    }

                    break;
                case "oneOf" or "anyOf" or "allOf" or "prefixItems":
                    if (keyword.Value is JsonArray list)
                    {
                        for (int i = 0; i < list.Count; i++)
                        {
                            FindAll(list[i], at + "/" + i, found);
                        }
                    }

                    break;
                case "items":
                    if (keyword.Value is JsonArray tuple)
                    {
                        for (int i = 0; i < tuple.Count; i++)
                        {
                            FindAll(tuple[i], at + "/" + i, found);
                        }
                    }
                    else
                    {
                        FindAll(keyword.Value, at, found);
                    }

                    break;
                case "additionalProperties" or "additionalItems" or "not" or "if" or "then" or "else" or "contains" or "propertyNames" or "unevaluatedProperties" or "unevaluatedItems":
                    FindAll(keyword.Value, at, found);
                    break;
            }
        }
    }

    private static bool IsNullSchema(JsonNode? node) =>
        node is JsonObject o
        && ((o["type"] is JsonValue t && t.TryGetValue(out string? type) && type == "null" && !o.ContainsKey("properties"))
            || (o.ContainsKey("const") && o["const"] is null));

    // The one JSON kind an alternative admits when it says nothing but "type", else null (an alternative that says
    // more is a real case of the union).
    private static string? KindOnly(JsonNode? node) =>
        node is JsonObject o && o.Count(p => p.Key is not ("description" or "title" or "$comment")) == 1
        && o["type"] is JsonValue t && t.TryGetValue(out string? type) ? type : null;

    // An alternative that constrains nothing ({} or true; TypeScript's "| undefined" as zod writes it) admits every
    // value, so the union is "any JSON value" too.
    private static bool AcceptsAnything(JsonNode? node) =>
        node is JsonObject o ? o.All(p => p.Key is "description" or "title" or "$comment")
        : node is JsonValue v && v.TryGetValue(out bool b) && b;

    private static bool AdmitsEveryKind(IEnumerable<string?> kinds)
    {
        var set = kinds.Select(k => k == "integer" ? "number" : k).ToHashSet(StringComparer.Ordinal);
        return EveryKind.All(set.Contains);
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
