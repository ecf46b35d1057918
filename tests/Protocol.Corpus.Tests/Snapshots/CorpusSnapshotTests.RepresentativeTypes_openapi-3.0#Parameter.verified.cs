/// <summary>
/// Example and examples are mutually exclusive
/// Recognised when <c>name</c>, <c>in</c> are present.
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.Openapi30.Serialization.ParameterJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record Parameter : global::Corpus.Openapi30.ComponentsParametersValue, global::Corpus.Openapi30.OperationParametersItem
{

    /// <remarks>On the wire: <c>name</c>.</remarks>
    public required string Name { get; init; }

    /// <remarks>On the wire: <c>in</c>.</remarks>
    public required string In { get; init; }

    /// <remarks>On the wire: <c>description</c>.</remarks>
    public string? Description { get; init; }

    /// <remarks>On the wire: <c>required</c>.</remarks>
    public bool? Required { get; init; } = false;

    /// <remarks>On the wire: <c>deprecated</c>.</remarks>
    public bool? Deprecated { get; init; } = false;

    /// <remarks>On the wire: <c>allowEmptyValue</c>.</remarks>
    public bool? AllowEmptyValue { get; init; } = false;

    /// <remarks>On the wire: <c>style</c>.</remarks>
    public string? Style { get; init; }

    /// <remarks>On the wire: <c>explode</c>.</remarks>
    public bool? Explode { get; init; }

    /// <remarks>On the wire: <c>allowReserved</c>.</remarks>
    public bool? AllowReserved { get; init; } = false;

    /// <remarks>On the wire: <c>schema</c>.</remarks>
    public global::Corpus.Openapi30.ComponentsSchemasValue? Schema { get; init; }

    /// <remarks>On the wire: <c>content</c>.</remarks>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::Corpus.Openapi30.MediaType>? Content { get; init; }

    /// <remarks>On the wire: <c>example</c>.</remarks>
    public global::System.Text.Json.JsonElement? Example { get; init; }

    /// <remarks>On the wire: <c>examples</c>.</remarks>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::Corpus.Openapi30.MediaTypeExamplesValue>? Examples { get; init; }

    /// <summary>
    /// Members the schema does not declare, as received (null when there were none); written back after the declared
    /// ones, so a relay loses nothing.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }

    /// <inheritdoc/>
    global::Corpus.Openapi30.ComponentsParametersValueKind global::Corpus.Openapi30.ComponentsParametersValue.Kind => global::Corpus.Openapi30.ComponentsParametersValueKind.NameIn;

    /// <inheritdoc/>
    TResult global::Corpus.Openapi30.ComponentsParametersValue.Accept<TResult>(global::Corpus.Openapi30.IComponentsParametersValueVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc/>
    global::Corpus.Openapi30.OperationParametersItemKind global::Corpus.Openapi30.OperationParametersItem.Kind => global::Corpus.Openapi30.OperationParametersItemKind.NameIn;

    /// <inheritdoc/>
    TResult global::Corpus.Openapi30.OperationParametersItem.Accept<TResult>(global::Corpus.Openapi30.IOperationParametersItemVisitor<TResult> visitor) => visitor.Visit(this);
}
