using System;
using System.Collections.Generic;
using System.Threading;
using Sessions.Engine.Faults;

namespace Sessions.Engine;

/// <summary>
/// Fault injection for tests: make the engine drop a socket, stall, or send a malformed, unknown or oversize frame,
/// for one session or for the next connection.
/// </summary>
/// <example>
/// <code>
/// engine.Faults.DropAfterEvents(sessionId, 3);               // the session's connection dies after 3 more events
/// engine.Faults.ForNextConnection().SendMalformedFrame();    // the next socket gets a non-JSON frame first
/// using (engine.Faults.ForSession(sessionId).Stall()) { ... } // nothing is sent until disposed
/// </code>
/// </example>
public sealed class EngineFaults
{
    private readonly Lock gate = new();
    private readonly List<FaultRule> armed = [];

    // Read on every event a connection sends: the common case (nothing armed) costs one volatile read.
    private volatile int armedCount;

    internal EngineFaults(int maxFrameBytes) => MaxFrameBytes = maxFrameBytes;

    /// <summary>The engine's frame limit, the default size of <see cref="FaultPlan.SendOversizeFrame"/>.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>Faults for the connection attached to <paramref name="sessionId"/> (the current one, or the next to attach).</summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>The plan to arm faults with.</returns>
    public FaultPlan ForSession(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return new FaultPlan(this, sessionId);
    }

    /// <summary>Faults for the next WebSocket connection the engine accepts, whatever session it joins.</summary>
    /// <returns>The plan to arm faults with.</returns>
    public FaultPlan ForNextConnection() => new(this, null);

    /// <summary>Shortcut for <c>ForSession(sessionId).DropAfterEvents(events)</c>.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="events">How many event frames still go out before the socket is aborted.</param>
    public void DropAfterEvents(string sessionId, int events) => ForSession(sessionId).DropAfterEvents(events);

    /// <summary>Disarms every fault no connection has claimed yet (claimed stalls stay until released).</summary>
    public void Clear()
    {
        lock (gate)
        {
            armed.Clear();
            armedCount = 0;
        }
    }

    internal void Arm(FaultRule rule)
    {
        lock (gate)
        {
            armed.Add(rule);
            armedCount = armed.Count;
        }
    }

    /// <summary>Moves the armed rules a connection should now own into <paramref name="claimed"/>, in arming order.</summary>
    /// <param name="newConnection">True once, when the connection is accepted: it takes the "next connection" rules.</param>
    /// <param name="sessionId">The session the connection is attached to, if any: it takes that session's rules.</param>
    /// <param name="claimed">The connection's own rules.</param>
    internal void Claim(bool newConnection, string? sessionId, List<FaultRule> claimed)
    {
        if (armedCount == 0)
        {
            return;
        }

        lock (gate)
        {
            armed.RemoveAll(rule =>
            {
                var mine = rule.SessionId is null ? newConnection : string.Equals(rule.SessionId, sessionId, StringComparison.Ordinal);
                if (mine)
                {
                    claimed.Add(rule);
                }

                return mine;
            });
            armedCount = armed.Count;
        }
    }
}
