using System.Collections.Generic;
using System.Threading;

namespace Sessions.Connection;

/// <summary>
/// Stands between a new connection and its owner: what the connection reports (events, bad frames, its close) is held,
/// in arrival order, until the owner has made the connection its own (<see cref="Release"/>), and only then handed on.
/// After a reconnect the engine replays events the moment the connection joins; without the hold they would reach
/// listeners while the session still says Reconnecting.
/// </summary>
/// <remarks>
/// The connection's receive loop keeps reading while held (answers to requests are matched below this, so the join
/// itself completes). <see cref="Release"/> hands the held items on from the caller's thread, outside the lock, then
/// lets later ones pass straight through; the receive loop never waits for it. Once released, the cost per event is
/// one volatile read. A hold never released (the connection was not installed) is dropped with its connection.
/// </remarks>
internal sealed class ListenerHold : IConnectionListener
{
    private readonly IConnectionListener _listener;
    private readonly object _gate = new();

    // Null once released: from then on the receive loop hands items on itself.
    private Queue<Held>? _held = new();
    private int _releasing;

    public ListenerHold(IConnectionListener listener) => _listener = listener;

    public void OnEvent(SessionEvent evt)
    {
        if (Volatile.Read(ref _held) is not null && TryHold(new Held(evt, null, null, null)))
        {
            return;
        }

        _listener.OnEvent(evt);
    }

    public void OnBadFrame(string problem)
    {
        if (Volatile.Read(ref _held) is not null && TryHold(new Held(null, problem, null, null)))
        {
            return;
        }

        _listener.OnBadFrame(problem);
    }

    public void OnClosed(SessionConnection connection, ConnectionClosed closed)
    {
        if (Volatile.Read(ref _held) is not null && TryHold(new Held(null, null, connection, closed)))
        {
            return;
        }

        _listener.OnClosed(connection, closed);
    }

    /// <summary>
    /// Hands on everything held, in order, then lets the rest through. Items that arrive while it runs are handed on by
    /// it too, after the earlier ones, so the listener hears each item once and in arrival order. Only the first call acts.
    /// </summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _releasing, 1) == 1)
        {
            return;
        }

        try
        {
            while (true)
            {
                Held next;
                lock (_gate)
                {
                    if (!_held!.TryDequeue(out next))
                    {
                        Volatile.Write(ref _held, null);
                        return;
                    }
                }

                HandOn(next);
            }
        }
        catch
        {
            // The listener failed on a held item. On the receive loop that ends the connection, and so it does here (the
            // caller aborts it): what is still held is dropped, except a close, which the owner must hear; later items,
            // the close of the abort among them, pass straight through, so the owner is never left waiting for it.
            Held[] rest;
            lock (_gate)
            {
                rest = _held!.ToArray();
                Volatile.Write(ref _held, null);
            }

            foreach (var item in rest)
            {
                if (item.Closed is not null)
                {
                    HandOn(item);
                }
            }

            throw;
        }
    }

    private void HandOn(Held item)
    {
        if (item.Event is { } evt)
        {
            _listener.OnEvent(evt);
        }
        else if (item.Problem is { } problem)
        {
            _listener.OnBadFrame(problem);
        }
        else
        {
            _listener.OnClosed(item.Connection!, item.Closed!);
        }
    }

    private bool TryHold(Held item)
    {
        lock (_gate)
        {
            if (_held is null)
            {
                return false;
            }

            _held.Enqueue(item);
            return true;
        }
    }

    private readonly record struct Held(SessionEvent? Event, string? Problem, SessionConnection? Connection, ConnectionClosed? Closed);
}
