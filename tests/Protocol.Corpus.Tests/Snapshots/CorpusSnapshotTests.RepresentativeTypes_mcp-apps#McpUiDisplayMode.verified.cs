/// <summary>
/// Display mode for UI presentation.
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.McpApps.Serialization.McpUiDisplayModeJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public enum McpUiDisplayMode
{
    /// <summary>
    /// A value this version of the schema does not know. It cannot be written back.
    /// </summary>
    Unknown = 0,

    /// <summary>On the wire: <c>inline</c>.</summary>
    Inline = 1,

    /// <summary>On the wire: <c>fullscreen</c>.</summary>
    Fullscreen = 2,

    /// <summary>On the wire: <c>pip</c>.</summary>
    Pip = 3,
}
