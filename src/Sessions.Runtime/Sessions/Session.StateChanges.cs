using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using Sessions.Diagnostics;

namespace Sessions;

/// <summary>Telling the application when the state changes (connection lost, reconnected, ended).</summary>
public sealed partial class Session
{
    // Changes are queued under the session's lock and raised by one notifier, outside every lock, in order:
    // a handler may call back into the session without deadlocking, and never sees changes out of order.
    // Each change travels with the handlers subscribed when it happened: a handler hears only what follows its subscription.
    private readonly Channel<(SessionStateChangedEventArgs Change, EventHandler<SessionStateChangedEventArgs> Handlers)> _stateChanges =
        Channel.CreateUnbounded<(SessionStateChangedEventArgs, EventHandler<SessionStateChangedEventArgs>)>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _stateNotifier;

    /// <summary>
    /// Raised after <see cref="State"/> changes (for example to <see cref="SessionState.Reconnecting"/> when the
    /// socket drops, and back to <see cref="SessionState.Connected"/>): one change at a time, in order, on a
    /// thread-pool thread, never under the session's locks. A handler hears the changes after it subscribed. A
    /// handler that throws is logged, and later changes are still raised.
    /// </summary>
    public event EventHandler<SessionStateChangedEventArgs>? StateChanged;

    /// <summary>Moves to <paramref name="next"/>. The caller holds <c>_gate</c>.</summary>
    private void SetState(SessionState next)
    {
        var previous = _state;
        if (previous == next)
        {
            return;
        }

        _state = next;
        if (StateChanged is { } handlers)
        {
            _stateChanges.Writer.TryWrite((new SessionStateChangedEventArgs(previous, next), handlers));
            _stateNotifier ??= Task.Run(RaiseStateChangesAsync);
        }

        if (next == SessionState.Disposed)
        {
            _stateChanges.Writer.TryComplete();
        }
    }

    private async Task RaiseStateChangesAsync()
    {
        await foreach (var (change, handlers) in _stateChanges.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                handlers(this, change);
            }
#pragma warning disable CA1031 // An application's handler must not stop the notifications of the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.StateHandlerFailed(_logger, SessionId, change.Current, exception);
            }
        }
    }
}
