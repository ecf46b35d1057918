/// <summary>
/// McpUiOpenLinkRequest (the schema gives no description).
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.McpApps.Serialization.McpUiOpenLinkRequestJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record McpUiOpenLinkRequest
{
    /// <remarks>On the wire: <c>method</c>.</remarks>
    public string Method { get; init; } = "ui/open-link";

    /// <remarks>On the wire: <c>params</c>.</remarks>
    public required global::Corpus.McpApps.McpUiOpenLinkRequestParams Params { get; init; }
}
