/// <summary>
/// CloudEvents Specification JSON Schema
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.Cloudevents.Serialization.CloudeventsJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record Cloudevents
{
    /// <summary>
    /// Identifies the event.
    /// </summary>
    /// <remarks>On the wire: <c>id</c>.</remarks>
    public required string Id { get; init; }

    /// <summary>
    /// Identifies the context in which an event happened.
    /// </summary>
    /// <remarks>On the wire: <c>source</c>.</remarks>
    public required global::System.Uri Source { get; init; }

    /// <summary>
    /// The version of the CloudEvents specification which the event uses.
    /// </summary>
    /// <remarks>On the wire: <c>specversion</c>.</remarks>
    public required string Specversion { get; init; }

    /// <summary>
    /// Describes the type of event related to the originating occurrence.
    /// </summary>
    /// <remarks>On the wire: <c>type</c>.</remarks>
    public required string Type { get; init; }

    /// <summary>
    /// Content type of the data value. Must adhere to RFC 2046 format.
    /// </summary>
    /// <remarks>On the wire: <c>datacontenttype</c>.</remarks>
    public string? Datacontenttype { get; init; }

    /// <summary>
    /// Identifies the schema that data adheres to.
    /// </summary>
    /// <remarks>On the wire: <c>dataschema</c>.</remarks>
    public global::System.Uri? Dataschema { get; init; }

    /// <summary>
    /// Describes the subject of the event in the context of the event producer (identified by source).
    /// </summary>
    /// <remarks>On the wire: <c>subject</c>.</remarks>
    public string? Subject { get; init; }

    /// <summary>
    /// Timestamp of when the occurrence happened. Must adhere to RFC 3339.
    /// </summary>
    /// <remarks>On the wire: <c>time</c>.</remarks>
    public global::System.DateTimeOffset? Time { get; init; }

    /// <summary>
    /// The event payload.
    /// </summary>
    /// <remarks>On the wire: <c>data</c>.</remarks>
    public global::System.Text.Json.JsonElement? Data { get; init; }

    /// <summary>
    /// Base64 encoded event payload. Must adhere to RFC4648.
    /// </summary>
    /// <remarks>On the wire: <c>data_base64</c>.</remarks>
    public string? DataBase64 { get; init; }

    /// <summary>
    /// Members the schema does not declare, as received (null when there were none); written back after the declared
    /// ones, so a relay loses nothing.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }
}
