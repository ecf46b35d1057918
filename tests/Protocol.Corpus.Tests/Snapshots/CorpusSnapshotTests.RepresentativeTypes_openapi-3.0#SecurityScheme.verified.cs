/// <summary>
/// Told apart by "type" and, where variants share a value, the properties present. An object no rule matches is UnknownSecurityScheme.
/// </summary>
/// <remarks>
/// Match on the subclasses (<c>switch</c>), or implement <see cref="global::Corpus.Openapi30.ISecuritySchemeVisitor{TResult}"/> so the compiler
/// names every place to update when the schema gains a kind. Kinds this version does not know arrive as
/// <see cref="global::Corpus.Openapi30.UnknownSecurityScheme"/>.
/// </remarks>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.Openapi30.Serialization.SecuritySchemeJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public partial interface SecurityScheme
{
    /// <summary>Which kind this is (each kind says how it is recognised on the wire).</summary>
    global::Corpus.Openapi30.SecuritySchemeKind Kind { get; }

    /// <summary>Calls the <paramref name="visitor"/>'s <c>Visit</c> overload for this kind.</summary>
    /// <typeparam name="TResult">What the visitor returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>What the visitor returned.</returns>
    TResult Accept<TResult>(global::Corpus.Openapi30.ISecuritySchemeVisitor<TResult> visitor);
}
