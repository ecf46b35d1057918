using System;
using System.Reflection;
using System.Threading.Tasks;
using Sessions.Connection;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// What a session keeps running, read through reflection (private fields): its connection (whose receive loop is
/// <see cref="SessionConnection.Completion"/>) and its reconnect loop. Used to check that nothing is left running.
/// </summary>
public static class SessionInternals
{
    private static readonly FieldInfo ConnectionField = typeof(Session).GetField("_connection", BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo ReconnectingField = typeof(Session).GetField("_reconnecting", BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>A session not yet connected, for a test that must hold it while it connects.</summary>
    public static Session NewSession(SessionClient client, string agentId) => new(client, null, agentId, null, 0);

    internal static SessionConnection? Connection(Session session) => (SessionConnection?)ConnectionField.GetValue(session);

    public static Task? ReceiveLoop(Session session) => Connection(session)?.Completion;

    public static Task ReconnectLoop(Session session) => (Task)ReconnectingField.GetValue(session)!;
}
