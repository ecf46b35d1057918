using System;
using System.Threading.Tasks;

namespace Sessions.Runtime.Tests.Infrastructure;

/// <summary>Waiting for a session's state.</summary>
public static class States
{
    /// <summary>
    /// Until the session reports Connected. After a reconnect the replay reaches listeners as the new connection joins, a
    /// moment before the session reports the transition, so a turn can be complete while the state still says Reconnecting.
    /// </summary>
    public static async Task ConnectedAsync(Session session)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<SessionStateChangedEventArgs> onChange = (_, change) =>
        {
            if (change.Current == SessionState.Connected)
            {
                connected.TrySetResult();
            }
        };
        session.StateChanged += onChange;
        try
        {
            if (!session.IsConnected)
            {
                await connected.Task.WaitAsync(Within.Token());
            }
        }
        finally
        {
            session.StateChanged -= onChange;
        }
    }
}
