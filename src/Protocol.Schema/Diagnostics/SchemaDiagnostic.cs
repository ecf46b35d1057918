namespace Sessions.Protocol.Schema.Diagnostics;

/// <summary>How serious a <see cref="SchemaDiagnostic"/> is.</summary>
public enum SchemaDiagnosticSeverity
{
    /// <summary>Generation went on with a fallback (for example an untyped <c>JsonElement</c>).</summary>
    Warning,

    /// <summary>Part of the schema could not be mapped; no type was generated for it.</summary>
    Error,
}

/// <summary>Where in a schema file a diagnostic points: offsets in characters, lines and columns from zero.</summary>
/// <param name="FilePath">The schema file's path as the build gave it.</param>
/// <param name="Start">Character offset of the span's start.</param>
/// <param name="Length">Character length of the span.</param>
/// <param name="StartLine">Zero-based line of the start.</param>
/// <param name="StartColumn">Zero-based column of the start.</param>
/// <param name="EndLine">Zero-based line of the end.</param>
/// <param name="EndColumn">Zero-based column of the end.</param>
public sealed record SchemaLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <inheritdoc/>
    public override string ToString() => $"{FilePath}({StartLine + 1},{StartColumn + 1})";
}

/// <summary>A problem found in a schema file, with its place, the JSON pointer of the schema node and a suggested fix.</summary>
/// <param name="Id">The stable identifier, for example <c>PSG002</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">What is wrong, naming the schema element; ends with the suggested fix.</param>
/// <param name="Location">Where it is.</param>
/// <param name="JsonPointer">The JSON pointer of the schema node concerned (for example <c>#/definitions/Foo/properties/bar</c>).</param>
public sealed record SchemaDiagnostic(string Id, SchemaDiagnosticSeverity Severity, string Message, SchemaLocation Location, string JsonPointer)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message} [{JsonPointer}]";
}
