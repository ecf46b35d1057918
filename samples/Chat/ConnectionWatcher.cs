using Sessions;

namespace Chat;

/// <summary>
/// Tells the user when the session's connection changes. The runtime reconnects by itself and resumes
/// after the last event seen; this only reports it: on a timer, and whenever the chat loop looks.
/// </summary>
internal sealed class ConnectionWatcher(Session session, Screen screen)
{
    private readonly Lock _gate = new();
    private SessionState _last = session.State;

    /// <summary>Reports a change since the last look, if there was one.</summary>
    public void Check()
    {
        lock (_gate)
        {
            var now = session.State;
            if (now == _last)
            {
                return;
            }

            screen.Line(now switch
            {
                SessionState.Reconnecting => "  [connection lost; reconnecting...]",
                SessionState.Connected when _last == SessionState.Reconnecting => "  [reconnected; carrying on where it stopped]",
                _ => $"  [connection: {now}]",
            });
            _last = now;
        }
    }

    /// <summary>Looks every few milliseconds until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Check();
            }
        }
        catch (OperationCanceledException)
        {
            // The chat is over.
        }
    }
}
