/// <summary>
/// issues opened event
/// </summary>
[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Corpus.GithubWebhooks.Serialization.IssuesOpenedJsonConverter))]
[global::System.CodeDom.Compiler.GeneratedCode("Sessions.Protocol.Generator", "0.1.0")]
public sealed partial record IssuesOpened : global::Corpus.GithubWebhooks.IssuesEvent
{
    /// <inheritdoc/>
    public override global::Corpus.GithubWebhooks.IssuesEventAction Action => global::Corpus.GithubWebhooks.IssuesEventAction.Opened;

    /// <remarks>On the wire: <c>changes</c>.</remarks>
    public global::Corpus.GithubWebhooks.IssuesOpenedChanges? Changes { get; init; }

    /// <remarks>On the wire: <c>issue</c>.</remarks>
    public required global::Corpus.GithubWebhooks.IssuesOpenedIssue Issue { get; init; }

    /// <inheritdoc/>
    public override TResult Accept<TResult>(global::Corpus.GithubWebhooks.IIssuesEventVisitor<TResult> visitor) => visitor.Visit(this);
}
