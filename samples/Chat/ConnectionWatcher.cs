using Sessions;

namespace Chat;

/// <summary>
/// Tells the user when the session's connection changes. The runtime reconnects by itself and resumes
/// after the last event seen; this only reports it, from <see cref="Session.StateChanged"/>.
/// </summary>
internal sealed class ConnectionWatcher : IDisposable
{
    private readonly Session _session;
    private readonly Screen _screen;

    public ConnectionWatcher(Session session, Screen screen)
    {
        _session = session;
        _screen = screen;
        _session.StateChanged += OnStateChanged;
    }

    public void Dispose() => _session.StateChanged -= OnStateChanged;

    private void OnStateChanged(object? sender, SessionStateChangedEventArgs change)
    {
        var note = change.Current switch
        {
            SessionState.Reconnecting => "  [connection lost; reconnecting...]",
            SessionState.Connected when change.Previous == SessionState.Reconnecting => "  [reconnected; carrying on where it stopped]",
            SessionState.Disconnected when change.Previous == SessionState.Reconnecting => "  [the connection could not be restored]",
            _ => null, // connecting at the start and ending at /quit say nothing new
        };
        if (note is not null)
        {
            _screen.Line(note);
        }
    }
}
