/// <summary>
/// Represents a reference to another type (e.g. <c>TextDocument</c>). This is either a <c>Structure</c>, a <c>Enumeration</c> or a <c>TypeAlias</c> in the same meta model.
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.LspMetamodel.Serialization.ReferenceTypeJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record ReferenceType : global::Corpus.LspMetamodel.MapKeyType, global::Corpus.LspMetamodel.Type
{
    /// <inheritdoc/>
    public override global::Corpus.LspMetamodel.MapKeyTypeKind Kind => global::Corpus.LspMetamodel.MapKeyTypeKind.Reference;

    /// <remarks>On the wire: <c>name</c>.</remarks>
    public required string Name { get; init; }

    /// <inheritdoc/>
    public override TResult Accept<TResult>(global::Corpus.LspMetamodel.IMapKeyTypeVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc/>
    global::Corpus.LspMetamodel.TypeDiscriminator global::Corpus.LspMetamodel.Type.Kind => global::Corpus.LspMetamodel.TypeDiscriminator.Reference;

    /// <inheritdoc/>
    TResult global::Corpus.LspMetamodel.Type.Accept<TResult>(global::Corpus.LspMetamodel.ITypeVisitor<TResult> visitor) => visitor.Visit(this);
}
