using System;
using System.Text;
using Sessions.Engine.Agents;
using Sessions.Engine.Faults;

namespace Sessions.Engine;

/// <summary>
/// Arms faults for one target: a session (<see cref="EngineFaults.ForSession"/>) or the next accepted connection
/// (<see cref="EngineFaults.ForNextConnection"/>). Each fault fires once, on one connection, when that connection is
/// about to send its next event; calls chain, and faults of one target fire in the order they were armed.
/// </summary>
public sealed class FaultPlan
{
    private readonly EngineFaults owner;
    private readonly string? sessionId;

    internal FaultPlan(EngineFaults owner, string? sessionId)
    {
        this.owner = owner;
        this.sessionId = sessionId;
    }

    /// <summary>
    /// Aborts the socket, with no close handshake, right after it has sent <paramref name="events"/> more event frames
    /// (acknowledgements, replayed and live events all count; zero aborts before the next one).
    /// </summary>
    /// <param name="events">How many event frames still go out.</param>
    /// <returns>This plan.</returns>
    public FaultPlan DropAfterEvents(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        owner.Arm(new DropRule(events) { SessionId = sessionId });
        return this;
    }

    /// <summary>Sends one text frame that is not JSON before the next event.</summary>
    /// <returns>This plan.</returns>
    public FaultPlan SendMalformedFrame()
    {
        owner.Arm(new InjectRule(static _ => "{\"type\": \"message_delta\", this is not JSON"u8.ToArray()) { SessionId = sessionId });
        return this;
    }

    /// <summary>Sends one well-formed event of a type no schema knows (without <c>seq</c>) before the next event.</summary>
    /// <param name="typeName">The <c>type</c> it carries.</param>
    /// <returns>This plan.</returns>
    public FaultPlan SendUnknownEvent(string typeName = "engine_fault_unknown")
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        owner.Arm(new InjectRule(session => Encoding.UTF8.GetBytes(
            "{\"type\":" + Quote(typeName) + ",\"session_id\":" + Quote(session) + ",\"data\":{\"note\":\"injected by EngineFaults\"}}"))
        { SessionId = sessionId });
        return this;
    }

    /// <summary>
    /// Sends one well-formed event of an unknown type padded to <paramref name="sizeBytes"/> bytes (by default one byte
    /// over the engine's own frame limit) before the next event.
    /// </summary>
    /// <param name="sizeBytes">The frame's size in bytes.</param>
    /// <returns>This plan.</returns>
    public FaultPlan SendOversizeFrame(int? sizeBytes = null)
    {
        var size = sizeBytes ?? owner.MaxFrameBytes + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 128, nameof(sizeBytes));
        owner.Arm(new InjectRule(session => Oversize(session, size)) { SessionId = sessionId });
        return this;
    }

    /// <summary>Stops sending (frames wait in order) from the next event on, until the returned handle is released or disposed.</summary>
    /// <returns>The handle that ends the stall.</returns>
    public FaultStall Stall()
    {
        var rule = new StallRule { SessionId = sessionId };
        owner.Arm(rule);
        return new FaultStall(rule);
    }

    private static byte[] Oversize(string session, int size)
    {
        var head = "{\"type\":\"engine_fault_oversize\",\"session_id\":" + Quote(session) + ",\"data\":{\"padding\":\"";
        const string Tail = "\"}}";
        var padding = Math.Max(0, size - Encoding.UTF8.GetByteCount(head) - Tail.Length);
        var frame = new byte[Encoding.UTF8.GetByteCount(head) + padding + Tail.Length];
        var written = Encoding.UTF8.GetBytes(head, frame);
        frame.AsSpan(written, padding).Fill((byte)'x');
        Encoding.UTF8.GetBytes(Tail, frame.AsSpan(written + padding));
        return frame;
    }

    private static string Quote(string value) => JsonValues.Quote(value);
}
