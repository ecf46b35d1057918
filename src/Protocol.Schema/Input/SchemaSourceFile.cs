namespace Sessions.Protocol.Schema.Input;

/// <summary>One schema file as the build hands it over.</summary>
/// <param name="Path">The file's path; used in diagnostics and to resolve references between files.</param>
/// <param name="Text">The whole file text.</param>
/// <param name="Namespace">The C# namespace its types go into.</param>
public sealed record SchemaSourceFile(string Path, string Text, string Namespace);
