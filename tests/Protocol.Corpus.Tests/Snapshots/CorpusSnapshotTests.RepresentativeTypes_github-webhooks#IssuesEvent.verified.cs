/// <summary>
/// IssuesEvent (the schema gives no description).
/// </summary>
/// <remarks>
/// Match on the subclasses (<c>switch</c>), or implement <see cref="global::Corpus.GithubWebhooks.IIssuesEventVisitor{TResult}"/> so the compiler
/// names every place to update when the schema gains a kind. Kinds this version does not know arrive as
/// <see cref="global::Corpus.GithubWebhooks.UnknownIssuesEvent"/>.
/// </remarks>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.GithubWebhooks.Serialization.IssuesEventJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public abstract partial record IssuesEvent
{
    /// <summary>Only the generated kinds derive from this record.</summary>
    private protected IssuesEvent()
    {
    }

    /// <summary>Which kind this is: the <c>action</c> property on the wire.</summary>
    public abstract global::Corpus.GithubWebhooks.IssuesEventAction Action { get; }

    /// <remarks>On the wire: <c>repository</c>.</remarks>
    public required global::Corpus.GithubWebhooks.Repository Repository { get; init; }

    /// <remarks>On the wire: <c>sender</c>.</remarks>
    public required global::Corpus.GithubWebhooks.User Sender { get; init; }

    /// <remarks>On the wire: <c>installation</c>.</remarks>
    public global::Corpus.GithubWebhooks.InstallationLite? Installation { get; init; }

    /// <remarks>On the wire: <c>organization</c>.</remarks>
    public global::Corpus.GithubWebhooks.Organization? Organization { get; init; }

    /// <summary>Calls the <paramref name="visitor"/>'s <c>Visit</c> overload for this kind.</summary>
    /// <typeparam name="TResult">What the visitor returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>What the visitor returned.</returns>
    public abstract TResult Accept<TResult>(global::Corpus.GithubWebhooks.IIssuesEventVisitor<TResult> visitor);
}
