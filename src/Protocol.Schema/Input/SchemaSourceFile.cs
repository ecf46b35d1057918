namespace Sessions.Protocol.Schema.Input;

/// <summary>One schema file as the build hands it over.</summary>
/// <param name="Path">The file's path; used in diagnostics and to resolve references between files.</param>
/// <param name="Text">The whole file text.</param>
/// <param name="Namespace">The C# namespace its types go into.</param>
/// <param name="Visibility">
/// The <c>ProtocolVisibility</c> item metadata as written (<c>public</c> or <c>internal</c>); null or empty means
/// <c>public</c>. Any other value is reported (PSG011) and read as <c>public</c>.
/// </param>
public sealed record SchemaSourceFile(string Path, string Text, string Namespace, string? Visibility = null)
{
    /// <summary>The accessibility keyword every generated type of this file gets, or null when <see cref="Visibility"/> is not one we know.</summary>
    public string? AccessibilityKeyword => Visibility?.Trim().ToLowerInvariant() switch
    {
        null or "" or "public" => "public",
        "internal" => "internal",
        _ => null,
    };
}
