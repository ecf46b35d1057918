/// <summary>
/// Type (the schema gives no description).
/// </summary>
/// <remarks>
/// Match on the subclasses (<c>switch</c>), or implement <see cref="global::Corpus.LspMetamodel.ITypeVisitor{TResult}"/> so the compiler
/// names every place to update when the schema gains a kind. Kinds this version does not know arrive as
/// <see cref="global::Corpus.LspMetamodel.UnknownType"/>.
/// </remarks>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.LspMetamodel.Serialization.TypeJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public partial interface Type
{
    /// <summary>Which kind this is: the <c>kind</c> property on the wire.</summary>
    global::Corpus.LspMetamodel.TypeDiscriminator Kind { get; }

    /// <summary>Calls the <paramref name="visitor"/>'s <c>Visit</c> overload for this kind.</summary>
    /// <typeparam name="TResult">What the visitor returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>What the visitor returned.</returns>
    TResult Accept<TResult>(global::Corpus.LspMetamodel.ITypeVisitor<TResult> visitor);
}
