using System.Collections.Generic;

namespace Sessions.Protocol.Schema.Diagnostics;

/// <summary>
/// Every diagnostic the schema reader can report. Ids never change meaning. A fallback is never an error: wherever
/// something can still be generated (a <c>JsonElement</c>, another name) the diagnostic is a warning; errors are kept
/// for input that yields nothing. Every severity can be changed like any analyzer's (<c>dotnet_diagnostic.PSGnnn.severity</c>).
/// </summary>
public static class SchemaDiagnostics
{
    /// <summary>The schema file is not valid JSON.</summary>
    public static readonly SchemaDiagnosticDescriptor InvalidJson = new(
        "PSG001",
        "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}. Fix: correct the JSON syntax at this position.",
        SchemaDiagnosticSeverity.Error,
        "A *.schema.json file must hold one JSON object. Nothing is generated from a file that does not parse.");

    /// <summary>A <c>$ref</c> names nothing in the schema set.</summary>
    public static readonly SchemaDiagnosticDescriptor UnresolvedReference = new(
        "PSG002",
        "Unresolved $ref",
        "The reference '{0}' does not resolve: {1}. Fix: point it at an existing definition, e.g. '#/definitions/Name' or 'other.schema.json#/definitions/Name', and include the other file as an AdditionalFiles item.",
        SchemaDiagnosticSeverity.Warning,
        "Local references ('#/...') and references to other *.schema.json files of the same project are supported. The value falls back to JsonElement.");

    /// <summary>A schema construct that has no C# mapping.</summary>
    public static readonly SchemaDiagnosticDescriptor UnsupportedShape = new(
        "PSG003",
        "Unsupported schema shape",
        "{0} cannot be mapped to a C# type: {1}. It is generated as JsonElement. Fix: {2}.",
        SchemaDiagnosticSeverity.Warning,
        "The generator maps objects, arrays, maps (additionalProperties), enums, const, string formats, nullability (type [X, \"null\"] or anyOf with {\"type\":\"null\"}), allOf of objects and discriminated anyOf/oneOf unions. Anything else becomes JsonElement.");

    /// <summary>A union whose variants share no string discriminator.</summary>
    public static readonly SchemaDiagnosticDescriptor UnionWithoutDiscriminator = new(
        "PSG004",
        "Union without a discriminator",
        "The union '{0}' cannot be told apart: {1}. It is generated as JsonElement. Fix: give every variant the same property (for example \"type\") with a distinct string \"const\".",
        SchemaDiagnosticSeverity.Warning,
        "An anyOf/oneOf of objects becomes an abstract record with one subclass per variant, each recognised by the most specific rule: a tag value (const or enum, optional or absent in a default variant), then the required properties that tell it from the variants it overlaps. Only a union no such rule splits is reported.");

    /// <summary>An enum with values that are not strings.</summary>
    public static readonly SchemaDiagnosticDescriptor UnsupportedEnum = new(
        "PSG005",
        "Unsupported enum",
        "The enum '{0}' has a value that is not a string: {1}. It is generated as JsonElement. Fix: use string values only.",
        SchemaDiagnosticSeverity.Warning,
        "Enums become C# enums with a converter that maps their wire names; only string values are supported.");

    /// <summary>Two schema names map to the same C# name.</summary>
    public static readonly SchemaDiagnosticDescriptor NameCollision = new(
        "PSG006",
        "C# name collision",
        "The name '{0}' is already used by {1}; this one is generated as '{2}'. Fix: rename one of them in the schema, or give it a \"title\".",
        SchemaDiagnosticSeverity.Warning,
        "C# names come from wire names (snake_case, dotted and dashed names become PascalCase). A name that is taken gives way to one that says where the type comes from (its union, its enclosing type); only when that is taken too is a number appended.");

    /// <summary>One definition used as a variant of two unions.</summary>
    public static readonly SchemaDiagnosticDescriptor VariantOfTwoUnions = new(
        "PSG007",
        "Variant of two unions",
        "'{0}' is a variant of both '{1}' and '{2}'; a C# record has one base. It is generated only under '{1}'. Fix: give each union its own variant definitions (share the common part with allOf).",
        SchemaDiagnosticSeverity.Warning,
        "A definition several unions share belongs to all of them: the first union keeps its abstract base record, the others become interfaces the variant implements. This is reported only when that cannot be done (the variant's own record is still being built when the union meets it).");

    /// <summary>A keyword whose value has the wrong JSON type.</summary>
    public static readonly SchemaDiagnosticDescriptor MalformedKeyword = new(
        "PSG008",
        "Malformed schema keyword",
        "The keyword '{0}' must be {1}. It is ignored. Fix: write it as {1}.",
        SchemaDiagnosticSeverity.Warning,
        "The schema is read leniently: a keyword of the wrong JSON type is reported and ignored.");

    /// <summary>The <c>ProtocolVisibility</c> item metadata has a value the generator does not know.</summary>
    public static readonly SchemaDiagnosticDescriptor UnknownVisibility = new(
        "PSG011",
        "Unknown ProtocolVisibility",
        "The ProtocolVisibility metadata '{0}' is neither 'public' nor 'internal'. The types of this file are generated public. Fix: write ProtocolVisibility=\"public\" or ProtocolVisibility=\"internal\" on the AdditionalFiles item.",
        SchemaDiagnosticSeverity.Warning,
        "Every generated type of a schema file (records, enums, unions, visitors, converters) gets the accessibility its AdditionalFiles item's ProtocolVisibility metadata names: public (the default) or internal.");

    /// <summary>The generator needs C# 11 features in the consuming project.</summary>
    public static readonly SchemaDiagnosticDescriptor LanguageVersionTooLow = new(
        "PSG010",
        "C# 11 or later required",
        "The protocol generator emits records with required members and UTF-8 literals, which need C# 11 and System.Runtime.CompilerServices.RequiredMemberAttribute: {0}. Fix: set <LangVersion>11</LangVersion> or later, and target net7.0+ or add a polyfill (for example PolySharp).",
        SchemaDiagnosticSeverity.Error,
        "Generated code targets C# 11 on .NET 7 or later.");

    /// <summary>An unexpected failure inside the generator.</summary>
    public static readonly SchemaDiagnosticDescriptor InternalError = new(
        "PSG999",
        "Protocol generator failed",
        "The protocol generator failed on this file: {0}. Fix: please report it with the schema file; meanwhile simplify the construct named in the message.",
        SchemaDiagnosticSeverity.Error,
        "An unexpected exception was caught in the generator and reported instead of failing the build with an opaque error.");

    /// <summary>All descriptors, in id order.</summary>
    public static IReadOnlyList<SchemaDiagnosticDescriptor> All { get; } = new[]
    {
        InvalidJson, UnresolvedReference, UnsupportedShape, UnionWithoutDiscriminator, UnsupportedEnum,
        NameCollision, VariantOfTwoUnions, MalformedKeyword, LanguageVersionTooLow, UnknownVisibility, InternalError,
    };
}
