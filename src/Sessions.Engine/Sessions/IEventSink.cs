using System;

namespace Sessions.Engine.Sessions;

/// <summary>A connection attached to a session, as the session sees it. Both calls only queue work: they never block.</summary>
internal interface IEventSink
{
    /// <summary>Queues one serialised event frame.</summary>
    void Send(ReadOnlyMemory<byte> utf8Frame);

    /// <summary>The session was terminated: send what is queued, then close with 4001.</summary>
    void SessionTerminated();
}
