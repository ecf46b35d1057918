using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Diagnostics;
using Sessions.Lifecycle;

namespace Sessions;

/// <summary>
/// A real-time, multi-turn conversation with an agent or chatbot: send messages, listen to typed events,
/// answer approvals, read the history. One connection at a time; if it drops, the session reconnects by
/// itself and resumes after the last event it saw, so listeners see every event once and in order.
/// </summary>
/// <remarks>
/// Get one from <see cref="Agent.CreateSessionAsync"/>, <see cref="Chatbot.CreateSessionAsync"/> or
/// <see cref="SessionClient.ResumeSessionAsync"/>. <c>await using</c> disconnects (the session stays
/// resumable); <see cref="TerminateAsync"/> destroys it. All members are safe to call from any thread.
/// Every member is virtual, so a test can replace the session with a subclass of its own (the protected
/// constructor makes one that is not connected to anything).
/// </remarks>
public partial class Session : IAsyncDisposable
{
    private readonly SessionCore? _core;
    private readonly SessionClient? _client;
    private readonly ILogger? _logger;

    /// <summary>For test doubles: a session with no engine behind it. Override the members the test uses.</summary>
    protected Session()
    {
    }

    internal Session(SessionClient client, string? sessionId, string? agentId, string? chatbotId, long lastSeq)
    {
        _client = client;
        _core = new SessionCore(this, client, sessionId, agentId, chatbotId, lastSeq);
        _logger = client.Options.LoggerFactory.CreateLogger<Session>();
    }

    /// <summary>
    /// Raised after <see cref="State"/> changes (for example to <see cref="SessionState.Reconnecting"/> when the
    /// connection drops, and back to <see cref="SessionState.Connected"/>): one change at a time, in order, on a
    /// thread-pool thread, never under the session's locks. A handler hears the changes after it subscribed. A
    /// handler that throws is logged, and later changes are still raised. A change the application did not ask for
    /// carries its cause (<see cref="SessionStateChangedEventArgs.Cause"/>): the drop behind a reconnect, the error behind a
    /// disconnect.
    /// </summary>
    public event EventHandler<SessionStateChangedEventArgs>? StateChanged
    {
        add => Core.States.StateChanged += value;
        remove => Core.States.StateChanged -= value;
    }

    /// <summary>The session's id on the engine; null until the session was created.</summary>
    public virtual string? SessionId => Core.SessionId;

    /// <summary>True while the connection is open and the session joined.</summary>
    /// <remarks>
    /// A connection's events are handed to listeners only after this turned true: after a reconnect, the replay is
    /// queued for listeners once the session said Connected (a drop right after can turn it false again before a listener
    /// reads the event).
    /// </remarks>
    public virtual bool IsConnected => State == SessionState.Connected;

    /// <summary>Where the session is in its life.</summary>
    public virtual SessionState State => Core.States.State;

    /// <summary>The <c>seq</c> of the last conversation event delivered; a resume asks for what follows it.</summary>
    public virtual long LastSeq => Core.LastSeq;

    /// <summary>What the session runs on; tests wait on its loops.</summary>
    internal SessionCore Core => _core ?? throw new NotSupportedException("This session is a test double made with the protected constructor: override the member the test calls.");

    private SessionClient Client => _client!;

    /// <summary>
    /// Opens the connection and creates the session (first time) or resumes it after <see cref="LastSeq"/>.
    /// Does nothing when already connected; while reconnecting, waits for the reconnect.
    /// </summary>
    /// <exception cref="SessionAuthenticationException">The key was refused (401).</exception>
    /// <exception cref="SessionPermissionException">The session belongs to another key (403).</exception>
    /// <exception cref="SessionNotFoundException">The session does not exist or was terminated.</exception>
    /// <exception cref="SessionDisconnectedException">The session was ended (disconnected, disposed) while connecting, or could not connect.</exception>
    public virtual Task ConnectAsync(CancellationToken cancellationToken = default) => Core.ConnectAsync(cancellationToken);

    /// <summary>Stops listening and closes the connection. The session stays on the engine; resume it by id.</summary>
    public virtual async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await Core.EndAsync(SessionState.Disconnected, terminate: false, cancellationToken).ConfigureAwait(false);
        Log.Disconnected(_logger!, SessionId);
    }

    /// <summary>Destroys the session on the engine and closes the connection. It cannot be resumed afterwards.</summary>
    public virtual async Task TerminateAsync(CancellationToken cancellationToken = default)
    {
        await Core.EndAsync(SessionState.Terminated, terminate: true, cancellationToken).ConfigureAwait(false);
        Log.Terminated(_logger!, SessionId);
    }

    /// <summary>Disconnects (the session stays resumable). Never throws; bounded by the close timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>What <see cref="DisposeAsync"/> does; a test double may override it.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (_core is null)
        {
            return;
        }

        try
        {
            await _core.EndAsync(SessionState.Disposed, terminate: false, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Dispose must not throw; the failure was already logged or is moot.
        catch (Exception)
#pragma warning restore CA1031
        {
            _core.States.TryChangeState(_core.States.State, SessionState.Disposed);
        }
    }
}
