namespace Sessions.Protocol.Generator;

/// <summary>The names of the generator's pipeline steps, for tests that check what reran.</summary>
public static class TrackingNames
{
    /// <summary>Each <c>*.schema.json</c> additional file with its text and namespace.</summary>
    public const string SchemaFiles = nameof(SchemaFiles);

    /// <summary>Each file parsed into a positioned JSON tree (cached per file).</summary>
    public const string ParsedSchemas = nameof(ParsedSchemas);

    /// <summary>All files together turned into the protocol model.</summary>
    public const string ProtocolModel = nameof(ProtocolModel);

    /// <summary>Each generated type with what its source needs (one source per type).</summary>
    public const string GeneratedTypes = nameof(GeneratedTypes);

    /// <summary>Whether the compilation can hold the generated code (C# 11, required members).</summary>
    public const string LanguageSupport = nameof(LanguageSupport);
}
