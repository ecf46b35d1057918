/// <summary>
/// issues opened event
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.GithubWebhooks.Serialization.IssuesOpenedJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record IssuesOpened : global::Corpus.GithubWebhooks.IssuesEvent, global::Corpus.GithubWebhooks.GithubWebhooks
{
    /// <inheritdoc/>
    public override global::Corpus.GithubWebhooks.IssuesEventAction Action => global::Corpus.GithubWebhooks.IssuesEventAction.Opened;

    /// <remarks>On the wire: <c>changes</c>.</remarks>
    public global::Corpus.GithubWebhooks.IssuesOpenedChanges? Changes { get; init; }

    /// <remarks>On the wire: <c>issue</c>.</remarks>
    public required global::Corpus.GithubWebhooks.IssuesOpenedIssue Issue { get; init; }

    /// <inheritdoc/>
    public override TResult Accept<TResult>(global::Corpus.GithubWebhooks.IIssuesEventVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc/>
    global::Corpus.GithubWebhooks.GithubWebhooksKind global::Corpus.GithubWebhooks.GithubWebhooks.Kind => global::Corpus.GithubWebhooks.GithubWebhooksKind.OpenedIssue;

    /// <inheritdoc/>
    TResult global::Corpus.GithubWebhooks.GithubWebhooks.Accept<TResult>(global::Corpus.GithubWebhooks.IGithubWebhooksVisitor<TResult> visitor) => visitor.Visit(this);
}
