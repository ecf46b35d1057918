using System.Linq;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;

namespace Sessions.Protocol.Schema.Model;

/// <summary>Everything the generator emits for a set of schema files, and what it reports.</summary>
/// <param name="Files">One entry per schema file that defines types, in path order.</param>
/// <param name="Diagnostics">Problems found, in file and position order.</param>
public sealed record ProtocolModel(EquatableArray<GeneratedFileModel> Files, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    /// <summary>One entry per generated type of <see cref="Files"/>, in hint-name order: what the emitter prints, one source each.</summary>
    public EquatableArray<GeneratedTypeFile> TypeFiles { get; init; } = EquatableArray<GeneratedTypeFile>.Empty;
}

/// <summary>The types one schema file defines (each becomes a source of its own: <see cref="ProtocolModel.TypeFiles"/>).</summary>
/// <param name="SchemaFileName">The schema file's name, quoted in the generated header.</param>
/// <param name="Namespace">The namespace of the types.</param>
/// <param name="Types">The types, ordered by name.</param>
/// <param name="Accessibility">The accessibility keyword of every generated type of the file: <c>public</c> or <c>internal</c>.</param>
public sealed record GeneratedFileModel(string SchemaFileName, string Namespace, EquatableArray<TypeModel> Types, string Accessibility = "public")
{
    /// <summary>The namespace of the converters.</summary>
    public string SerializationNamespace => Namespace + ".Serialization";
}

/// <summary>
/// One generated type with its converter(s): becomes one generated source. It holds only what printing that type
/// needs (names of the types it refers to, never their models), so an edit of another type leaves it equal and its
/// source cached.
/// </summary>
/// <param name="HintName">The source's hint name, from the namespace and the type's name (for example <c>Sessions.SessionEvent.g.cs</c>): stable across runs and unrelated edits, unique in the compilation even ignoring case.</param>
/// <param name="SchemaFileName">The name of the schema file that defines the type, quoted in the generated header.</param>
/// <param name="Namespace">The namespace of the type.</param>
/// <param name="Accessibility">The accessibility keyword of the type: <c>public</c> or <c>internal</c>.</param>
/// <param name="Type">The type.</param>
public sealed record GeneratedTypeFile(string HintName, string SchemaFileName, string Namespace, string Accessibility, TypeModel Type)
{
    /// <summary>The accessibility keyword of the converters, when it differs from <see cref="Accessibility"/> (project property <c>ProtocolConverterVisibility</c>).</summary>
    public string? ConverterAccessibility { get; init; }

    /// <summary>The namespace of the converters.</summary>
    public string SerializationNamespace => Namespace + ".Serialization";

    /// <summary>The accessibility keyword of the converters.</summary>
    public string ConverterKeyword => ConverterAccessibility ?? Accessibility;

    /// <summary>
    /// Whether the source touches members the schema marks deprecated (<c>[Obsolete]</c>): its converters read and
    /// write them, so the source silences CS0618 for itself.
    /// </summary>
    public bool TouchesDeprecatedMembers => Type switch
    {
        ObjectTypeModel record => record.AllProperties.Any(p => p.IsDeprecated),
        UnionTypeModel union => union.BaseProperties.Any(p => p.IsDeprecated),
        _ => false,
    };
}
