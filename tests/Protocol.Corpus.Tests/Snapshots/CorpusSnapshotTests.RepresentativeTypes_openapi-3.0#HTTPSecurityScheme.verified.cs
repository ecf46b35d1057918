/// <summary>
/// Told apart by the value of "scheme" (see each kind). An object no rule matches is UnknownHTTPSecurityScheme.
/// </summary>
/// <remarks>
/// Match on the subclasses (<c>switch</c>), or implement <see cref="global::Corpus.Openapi30.IHTTPSecuritySchemeVisitor{TResult}"/> so the compiler
/// names every place to update when the schema gains a kind. Kinds this version does not know arrive as
/// <see cref="global::Corpus.Openapi30.UnknownHTTPSecurityScheme"/>.
/// </remarks>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.Openapi30.Serialization.HTTPSecuritySchemeJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public abstract partial record HTTPSecurityScheme
{
    /// <summary>Only the generated kinds derive from this record.</summary>
    private protected HTTPSecurityScheme()
    {
    }

    /// <summary>Which kind this is (each kind says how it is recognised on the wire).</summary>
    public abstract global::Corpus.Openapi30.HTTPSecuritySchemeKind Kind { get; }

    /// <remarks>On the wire: <c>description</c>.</remarks>
    public string? Description { get; init; }

    /// <remarks>On the wire: <c>type</c>.</remarks>
    public required global::Corpus.Openapi30.HTTPSecuritySchemeType Type { get; init; }

    /// <summary>Calls the <paramref name="visitor"/>'s <c>Visit</c> overload for this kind.</summary>
    /// <typeparam name="TResult">What the visitor returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>What the visitor returned.</returns>
    public abstract TResult Accept<TResult>(global::Corpus.Openapi30.IHTTPSecuritySchemeVisitor<TResult> visitor);
}
