using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;

namespace Sessions.Protocol.Schema.Model;

/// <summary>Everything the generator emits for a set of schema files, and what it reports.</summary>
/// <param name="Files">One entry per schema file that defines types, in path order.</param>
/// <param name="Diagnostics">Problems found, in file and position order.</param>
public sealed record ProtocolModel(EquatableArray<GeneratedFileModel> Files, EquatableArray<SchemaDiagnostic> Diagnostics);

/// <summary>The types one schema file defines; becomes one generated source file.</summary>
/// <param name="HintName">The generated file's hint name, unique in the compilation (for example <c>session-events.g.cs</c>).</param>
/// <param name="SchemaFileName">The schema file's name, quoted in the generated header.</param>
/// <param name="Namespace">The namespace of the types.</param>
/// <param name="Types">The types, ordered by name.</param>
/// <param name="Accessibility">The accessibility keyword of every generated type of the file: <c>public</c> or <c>internal</c>.</param>
public sealed record GeneratedFileModel(string HintName, string SchemaFileName, string Namespace, EquatableArray<TypeModel> Types, string Accessibility = "public")
{
    /// <summary>The namespace of the converters.</summary>
    public string SerializationNamespace => Namespace + ".Serialization";
}
