/// <summary>
/// The object provides metadata about the API. The metadata can be used by the clients if needed.
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.Asyncapi30.Serialization.InfoJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record Info
{
    /// <summary>
    /// A unique and precise title of the API.
    /// </summary>
    /// <remarks>On the wire: <c>title</c>.</remarks>
    public required string Title { get; init; }

    /// <summary>
    /// A semantic version number of the API.
    /// </summary>
    /// <remarks>On the wire: <c>version</c>.</remarks>
    public required string Version { get; init; }

    /// <summary>
    /// A longer description of the API. Should be different from the title. CommonMark is allowed.
    /// </summary>
    /// <remarks>On the wire: <c>description</c>.</remarks>
    public string? Description { get; init; }

    /// <summary>
    /// A URL to the Terms of Service for the API. MUST be in the format of a URL.
    /// </summary>
    /// <remarks>On the wire: <c>termsOfService</c>.</remarks>
    public global::System.Uri? TermsOfService { get; init; }

    /// <remarks>On the wire: <c>contact</c>.</remarks>
    public global::Corpus.Asyncapi30.Contact? Contact { get; init; }

    /// <remarks>On the wire: <c>license</c>.</remarks>
    public global::Corpus.Asyncapi30.License? License { get; init; }

    /// <summary>
    /// A list of tags for application API documentation control. Tags can be used for logical grouping of applications.
    /// </summary>
    /// <remarks>On the wire: <c>tags</c>.</remarks>
    public global::System.Collections.Generic.IReadOnlyList<global::Corpus.Asyncapi30.InfoTagsItem>? Tags { get; init; }

    /// <remarks>On the wire: <c>externalDocs</c>.</remarks>
    public global::Corpus.Asyncapi30.TagExternalDocs? ExternalDocs { get; init; }

    /// <remarks>On the wire: <c>x-x</c>.</remarks>
    public string? XX { get; init; }

    /// <remarks>On the wire: <c>x-linkedin</c>.</remarks>
    public string? XLinkedin { get; init; }

    /// <summary>
    /// Members the schema does not declare, as received (null when there were none); written back after the declared
    /// ones, so a relay loses nothing.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }
}
