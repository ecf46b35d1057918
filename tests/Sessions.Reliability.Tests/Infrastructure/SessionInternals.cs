using System.Threading.Tasks;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// What a session keeps running, read through the runtime's internal API (InternalsVisibleTo): its connection's
/// receive loop and its reconnect loop. Used to check that nothing is left running.
/// </summary>
public static class SessionInternals
{
    /// <summary>A session not yet connected, for a test that must hold it while it connects.</summary>
    public static Session NewSession(SessionClient client, string agentId) => new(client, null, agentId, null, 0);

    public static Task? ReceiveLoop(Session session) => session.Core.CurrentConnection?.Completion;

    public static Task ReconnectLoop(Session session) => session.Core.ReconnectLoop;
}
