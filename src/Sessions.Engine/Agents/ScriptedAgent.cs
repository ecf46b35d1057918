using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine.Agents;

namespace Sessions.Engine;

/// <summary>
/// The engine's built-in agent: deterministic, no model, driven by trigger words in the user's text (see the engine's
/// README for the list). It exists so that tests and samples can make every kind of event happen on purpose.
/// </summary>
/// <remarks>
/// A turn runs its steps in a fixed order: <c>status</c> (thinking), <c>think</c>, <c>search</c>, <c>tool</c>,
/// <c>reauth</c>, <c>approve</c> (waits for the answer, then runs the tool), <c>fail</c> (ends the turn), then the reply
/// streamed word by word (or <c>count N</c> deltas), then <c>message_complete</c>. With no trigger word the reply echoes the text.
/// </remarks>
public sealed class ScriptedAgent : IAgent
{
    /// <summary>The tool behind the <c>tool</c> trigger.</summary>
    public const string LookupTool = "lookup";

    /// <summary>The tool behind the <c>approve</c> trigger; it needs approval.</summary>
    public const string ApprovalTool = "send_email";

    /// <summary>The integration the <c>reauth</c> trigger asks to re-authorise.</summary>
    public const string ReauthIntegration = "gmail";

    /// <summary>A pause before every delta, on top of any <c>delay N</c> in the text; zero by default.</summary>
    public TimeSpan DeltaDelay { get; init; }

    /// <inheritdoc/>
    public async Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var scenario = ScriptScenario.Parse(turn.Text);
        var reply = new List<string> { "You said: " + string.Join(" / ", turn.Text.Split('\n')) + "." };

        if (scenario.Status)
        {
            await turn.StatusAsync(ParticipantState.Thinking, cancellationToken).ConfigureAwait(false);
        }

        if (scenario.Think)
        {
            await turn.ThinkingAsync("Reading " + turn.Messages.Count + " message(s) and working out what was asked.", cancellationToken).ConfigureAwait(false);
        }

        if (scenario.Search)
        {
            var results = SearchResults(scenario.SearchQuery);
            await turn.SearchResultsAsync(scenario.SearchQuery, results, cancellationToken).ConfigureAwait(false);
            reply.Add("I found " + results.Count + " results for \"" + scenario.SearchQuery + "\".");
        }

        if (scenario.Tool)
        {
            var call = await turn.StartToolCallAsync(LookupTool, JsonValues.Strings(("query", scenario.SearchQuery.Length > 0 ? scenario.SearchQuery : turn.Text)), cancellationToken).ConfigureAwait(false);
            await turn.CompleteToolCallAsync(call, JsonValues.Parse("{\"answer\":42}"), cancellationToken).ConfigureAwait(false);
            reply.Add("The " + LookupTool + " tool answered 42.");
        }

        if (scenario.Reauth)
        {
            await turn.RequestReauthAsync(ReauthIntegration, new Uri("https://auth.example.com/reauth/" + ReauthIntegration), cancellationToken).ConfigureAwait(false);
            reply.Add("Please re-authorise " + ReauthIntegration + ".");
        }

        if (scenario.Approval)
        {
            reply.Add(await SendEmailWithApprovalAsync(turn, scenario, cancellationToken).ConfigureAwait(false));
        }

        if (scenario.Fail)
        {
            await turn.FailAsync("The scripted agent failed on request (the text says \"fail\").", EngineErrorCodes.AgentError, retryable: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (scenario.Status)
        {
            await turn.StatusAsync(ParticipantState.Typing, cancellationToken).ConfigureAwait(false);
        }

        var deltas = scenario.Count is { } count
            ? Enumerable.Range(1, count).Select(n => n == 1 ? "1" : " " + n)
            : Words(string.Join(" ", reply));
        var delay = DeltaDelay + scenario.Delay;
        foreach (var delta in deltas)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, turn.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            await turn.DeltaAsync(delta, cancellationToken).ConfigureAwait(false);
        }

        if (scenario.Status)
        {
            await turn.StatusAsync(ParticipantState.Idle, cancellationToken).ConfigureAwait(false);
        }

        await turn.CompleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> SendEmailWithApprovalAsync(AgentTurn turn, ScriptScenario scenario, CancellationToken cancellationToken)
    {
        if (scenario.Status)
        {
            await turn.StatusAsync(ParticipantState.WaitingForApproval, cancellationToken).ConfigureAwait(false);
        }

        var proposed = JsonValues.Strings(("to", "team@example.com"), ("subject", "Status update"));
        var decision = await turn.RequestApprovalAsync(ApprovalTool, "tool_" + ApprovalTool, proposed, "Sending an email needs your approval.", cancellationToken).ConfigureAwait(false);
        if (!decision.Approved)
        {
            return "Denied: I did not send the email (" + (decision.DenyReason is { Length: > 0 } reason ? reason : "no reason given") + ").";
        }

        // The tool runs with the client's confirm arguments when it sent some: that is what approval with overrides means.
        var call = await turn.StartToolCallAsync(ApprovalTool, decision.Arguments, cancellationToken).ConfigureAwait(false);
        var to = decision.Arguments.TryGetValue("to", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "nobody";
        await turn.CompleteToolCallAsync(call, JsonValues.Parse("{\"sent\":true,\"to\":" + JsonValues.Quote(to) + "}"), cancellationToken).ConfigureAwait(false);
        return "Approved: I sent the email to " + to + ".";
    }

    private static List<SearchResultItem> SearchResults(string query)
        => Enumerable.Range(1, 3).Select(n => new SearchResultItem
        {
            Title = "Result " + n + " for " + query,
            Url = new Uri("https://example.com/search/" + n + "?q=" + Uri.EscapeDataString(query)),
            Snippet = "A made-up snippet about " + query + " (" + n + " of 3).",
        }).ToList();

    /// <summary>Splits a reply into word-sized deltas that join back to it exactly.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
