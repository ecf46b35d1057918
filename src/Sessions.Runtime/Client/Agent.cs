using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>An agent on the engine: create sessions with it, or run one turn.</summary>
public sealed class Agent
{
    private readonly SessionClient _client;

    /// <summary>A handle on an agent of <paramref name="client"/> (the same as <see cref="SessionClient.Agent"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="id">The agent's id.</param>
    public Agent(SessionClient client, string id)
    {
        System.ArgumentNullException.ThrowIfNull(client);
        System.ArgumentException.ThrowIfNullOrEmpty(id);
        _client = client;
        Id = id;
    }

    /// <summary>The agent's id.</summary>
    public string Id { get; }

    /// <summary>Creates a session with this agent and connects it.</summary>
    public Task<Session> CreateSessionAsync(CancellationToken cancellationToken = default)
        => _client.CreateSessionAsync(Id, null, cancellationToken);

    /// <summary>
    /// One turn, start to end: posts <paramref name="text"/>, waits for the reply and returns it with the
    /// turn's events. A new session is terminated afterwards unless <see cref="RunOptions.KeepAlive"/>; a
    /// resumed one (<see cref="RunOptions.SessionId"/>) is only disconnected.
    /// </summary>
    /// <exception cref="SessionActionRequiredException">
    /// The agent asked for an approval (and no <see cref="RunOptions.ApprovalHandler"/> answered it) or for a
    /// re-authorisation. The session is kept (disconnected, not terminated) so it can be resumed and answered.
    /// </exception>
    public async Task<TurnResult> RunAsync(string text, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var session = options.SessionId is { } id
            ? await _client.ResumeSessionAsync(id, null, cancellationToken).ConfigureAwait(false)
            : await CreateSessionAsync(cancellationToken).ConfigureAwait(false);
        var keep = options.KeepAlive || options.SessionId is not null;
        try
        {
            var events = new List<SessionEvent>();
            var listening = session.ListenAsync(maxQueue: 0, cancellationToken: cancellationToken);
            await session.SendAsync(text, cancellationToken).ConfigureAwait(false);
            await foreach (var evt in listening.ConfigureAwait(false))
            {
                if (evt is not MessageDeltaEvent || options.IncludeDeltas)
                {
                    events.Add(evt);
                }

                switch (evt)
                {
                    case MessageCompleteEvent complete:
                        return new TurnResult(session.SessionId!, complete.Data.Status, complete.Data.Text, events);
                    case ApprovalRequestEvent approval when options.ApprovalHandler is { } handler:
                        var decision = await handler(approval, cancellationToken).ConfigureAwait(false);
                        await session.RespondApprovalAsync(approval, decision.Approved, decision.Confirm, decision.DenyReason, cancellationToken).ConfigureAwait(false);
                        break;
                    case ApprovalRequestEvent or ReauthRequestEvent:
                        keep = true;
                        throw new SessionActionRequiredException($"The turn needs the user: {evt.Type}. Resume session {session.SessionId} to answer.", evt, session.SessionId!);
                    // Only the engine's errors fail the turn; this client's own reports (an undecodable frame, an
                    // overflow) do not stop the engine's turn.
                    case ErrorEvent { IsClientReport: false } error when error.RequestId is null:
                        throw new SessionException("The turn failed: " + error.Data.Error, error.Data.Code);
                }
            }

            // Cancelling ends the listening quietly; the run itself was cancelled, not ended by the session.
            cancellationToken.ThrowIfCancellationRequested();
            throw new SessionDisconnectedException("The session ended before the turn completed.");
        }
        finally
        {
            if (keep)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await TerminateQuietlyAsync(session).ConfigureAwait(false);
            }
        }
    }

    private static async Task TerminateQuietlyAsync(Session session)
    {
        try
        {
            await session.TerminateAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SessionException)
        {
            // The turn's outcome matters more than the clean-up; the engine expires what is left.
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
