using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Connection;

namespace Sessions.Lifecycle;

/// <summary>
/// One try to be connected, from <see cref="SessionState.Connecting"/> or <see cref="SessionState.Reconnecting"/> until
/// that connection is gone: it owns its lifetime token (cancelled when the session ends it), its "connected" signal
/// (what senders wait for) and the connection it opened (disposed with it). A drop starts a new attempt; nothing of
/// an old attempt is reused, so nobody can wait on a signal that belongs to a connection already gone.
/// </summary>
internal sealed class ConnectionAttempt : IAsyncDisposable
{
    // A plain source (no timer, no links) holds nothing that needs disposing; never disposing it means a concurrent
    // Cancel can never hit a disposed source.
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<SessionConnection> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SessionConnection? _connection;
    private int _disposed;

    /// <summary>Cancelled when the session ends this attempt (disconnect, terminate, dispose): stops its connect and its reconnect loop.</summary>
    public CancellationToken Lifetime => _lifetime.Token;

    public bool IsCancelled => _lifetime.IsCancellationRequested;

    /// <summary>Completes with the connection once joined; fails when the attempt ends first. Always observed: nobody has to await it.</summary>
    public Task<SessionConnection> Connected => _connected.Task;

    /// <summary>The joined connection, null until then.</summary>
    public SessionConnection? Connection => Volatile.Read(ref _connection);

    public void Succeed(SessionConnection connection)
    {
        Volatile.Write(ref _connection, connection);
        _connected.TrySetResult(connection);
    }

    /// <summary>Fails the signal if nobody connected yet; the failure is marked observed, so a session nobody sent on leaves no unobserved task.</summary>
    public void Fail(Exception error)
    {
        if (_connected.TrySetException(error))
        {
            _ = _connected.Task.Exception;
        }
    }

    public void Cancel() => _lifetime.Cancel();

    /// <summary>Ends the attempt: cancels it, fails its signal and disposes its connection (closing it, bounded). Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Cancel();
        Fail(new SessionDisconnectedException("The connection ended."));
        if (Connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
