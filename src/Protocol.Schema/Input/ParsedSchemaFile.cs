using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Json;

namespace Sessions.Protocol.Schema.Input;

/// <summary>A schema file parsed into a positioned JSON tree.</summary>
/// <param name="Source">The file as handed over.</param>
/// <param name="Root">The root value, or null when the file did not parse.</param>
/// <param name="Diagnostics">Syntax errors.</param>
public sealed record ParsedSchemaFile(SchemaSourceFile Source, SourceJsonValue? Root, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    /// <summary>The file name alone, for example <c>common.schema.json</c>.</summary>
    public string FileName => System.IO.Path.GetFileName(Source.Path);
}
