using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Diagnostics;

namespace Sessions.Lifecycle;

/// <summary>
/// The session's states and every transition between them, in one place. A change names the state it expects to
/// leave (<see cref="TryChangeState"/>): when another thread got there first, or the transition is not in
/// <see cref="IsLegal"/>, nothing changes and the caller learns it. Changes are announced in order, off every lock.
/// </summary>
internal sealed class SessionStateMachine
{
    private readonly object _sender;
    private readonly ILogger _logger;
    private readonly Func<string?> _sessionId;

    // Changes are queued under the gate and raised by one notifier, outside every lock, in order: a handler may call
    // back into the session without deadlocking, and never sees changes out of order. Each change travels with the
    // handlers subscribed when it happened: a handler hears only what follows its subscription.
    private readonly Channel<(SessionStateChangedEventArgs Change, EventHandler<SessionStateChangedEventArgs> Handlers)> _changes =
        Channel.CreateUnbounded<(SessionStateChangedEventArgs, EventHandler<SessionStateChangedEventArgs>)>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _notifier;
    private SessionState _state = SessionState.Created;

    public SessionStateMachine(object sender, ILogger logger, Func<string?> sessionId)
    {
        _sender = sender;
        _logger = logger;
        _sessionId = sessionId;
    }

    /// <summary>Raised after each change; see <see cref="Session.StateChanged"/>.</summary>
    public event EventHandler<SessionStateChangedEventArgs>? StateChanged;

    /// <summary>The lock that guards the state and whatever must change together with it.</summary>
    public object Gate { get; } = new();

    /// <summary>The state now.</summary>
    public SessionState State
    {
        get
        {
            lock (Gate)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Whether a session may go from <paramref name="from"/> to <paramref name="next"/>: Created or Disconnected →
    /// Connecting → Connected ⇄ Reconnecting; every live state → Disconnected; every state but Disposed → Terminated
    /// (a session never created has nothing to destroy; a disconnected one joins briefly to say it); everything →
    /// Disposed. Nothing leaves Disposed, and Terminated leads only to Disposed.
    /// </summary>
    public static bool IsLegal(SessionState from, SessionState next) => (from, next) switch
    {
        (SessionState.Disposed, _) => false,
        (_, SessionState.Disposed) => true,
        (SessionState.Terminated, _) => false,
        (_, SessionState.Terminated) => true,
        (SessionState.Created or SessionState.Disconnected, SessionState.Connecting) => true,
        (SessionState.Created or SessionState.Connecting or SessionState.Connected or SessionState.Reconnecting, SessionState.Disconnected) => true,
        (SessionState.Connecting or SessionState.Reconnecting, SessionState.Connected) => true,
        (SessionState.Connected, SessionState.Reconnecting) => true,
        _ => false,
    };

    /// <summary>
    /// Moves from <paramref name="expected"/> to <paramref name="next"/> if the session is in <paramref name="expected"/>
    /// and the move is legal; otherwise changes nothing and returns false. Moving to the state it is in is a no-op that succeeds.
    /// <paramref name="cause"/> travels with the change (<see cref="SessionStateChangedEventArgs.Cause"/>).
    /// </summary>
    public bool TryChangeState(SessionState expected, SessionState next, Exception? cause = null)
    {
        lock (Gate)
        {
            if (_state != expected)
            {
                return false;
            }

            if (expected == next)
            {
                return true;
            }

            if (!IsLegal(expected, next))
            {
                return false;
            }

            _state = next;
            if (StateChanged is { } handlers)
            {
                _changes.Writer.TryWrite((new SessionStateChangedEventArgs(expected, next, cause), handlers));
                _notifier ??= Task.Run(RaiseChangesAsync);
            }

            if (next == SessionState.Disposed)
            {
                _changes.Writer.TryComplete();
            }

            return true;
        }
    }

    private async Task RaiseChangesAsync()
    {
        await foreach (var (change, handlers) in _changes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                handlers(_sender, change);
            }
#pragma warning disable CA1031 // An application's handler must not stop the notifications of the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.StateHandlerFailed(_logger, _sessionId(), change.Current, exception);
            }
        }
    }
}
