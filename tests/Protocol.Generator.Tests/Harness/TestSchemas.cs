using System.Collections.Generic;
using System.Linq;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>The schema sets the tests run the generator on, one per shape (files in this project's <c>Schemas/</c>).</summary>
public static class TestSchemas
{
    /// <summary>(a) Copilot-style event union: one file, <c>$defs</c>, <c>anyOf</c> of inline objects told apart by a <c>type</c> const.</summary>
    public static IReadOnlyList<SchemaInput> CopilotUnion => Load("copilot-union.schema.json");

    /// <summary>(b) Nullability: <c>"type": [T, "null"]</c>, <c>anyOf</c>/<c>oneOf</c> with null, optional vs required.</summary>
    public static IReadOnlyList<SchemaInput> Nullability => Load("nullability.schema.json");

    /// <summary>(c) String enums (incl. <c>class</c>, <c>in-progress</c>, <c>user.cancelled</c>) and <c>const</c>.</summary>
    public static IReadOnlyList<SchemaInput> Enums => Load("enums.schema.json");

    /// <summary>(d) <c>allOf</c> merging two objects (draft-07 <c>definitions</c>).</summary>
    public static IReadOnlyList<SchemaInput> AllOf => Load("allof.schema.json");

    /// <summary>(e) Formats date-time/uuid/uri, <c>additionalProperties</c> maps, arrays of arrays, untyped <c>{}</c>.</summary>
    public static IReadOnlyList<SchemaInput> FormatsMapsArrays => Load("formats.schema.json");

    /// <summary>(f) Names needing care: keywords, leading digits, <c>type</c> on a non-union object, snake/dotted/kebab names, Color Color.</summary>
    public static IReadOnlyList<SchemaInput> AwkwardNames => Load("names.schema.json");

    /// <summary>(g) Cross-file <c>$ref</c> between two files (and a self-recursive type).</summary>
    public static IReadOnlyList<SchemaInput> CrossFile => Load("cross-file-common.schema.json", "cross-file-main.schema.json");

    /// <summary>(h) Variants told apart by another property's value (security schemes), and a oneOf that only constrains its object.</summary>
    public static IReadOnlyList<SchemaInput> ValueRules => Load("value-rules.schema.json");

    /// <summary>(i) Arrays read by position (draft-07 <c>items</c> as an array): named, numbered, optional positions and the items after them.</summary>
    public static IReadOnlyList<SchemaInput> Tuples => Load("tuples.schema.json");

    /// <summary>Every scenario above by name; each is a complete, valid input on its own.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<SchemaInput>> All => new Dictionary<string, IReadOnlyList<SchemaInput>>
    {
        [nameof(CopilotUnion)] = CopilotUnion,
        [nameof(Nullability)] = Nullability,
        [nameof(Enums)] = Enums,
        [nameof(AllOf)] = AllOf,
        [nameof(FormatsMapsArrays)] = FormatsMapsArrays,
        [nameof(AwkwardNames)] = AwkwardNames,
        [nameof(CrossFile)] = CrossFile,
        [nameof(ValueRules)] = ValueRules,
        [nameof(Tuples)] = Tuples,
    };

    /// <summary>The scenario names, for <c>[MemberData]</c>.</summary>
    public static IEnumerable<object[]> Names => All.Keys.Select(name => new object[] { name });

    private static IReadOnlyList<SchemaInput> Load(params string[] fileNames) =>
        fileNames.Select(name => SchemaInput.FromTestSchemas(name)).ToList();
}
