using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Diagnostics;
using Sessions.Engine.Faults;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Transport;

/// <summary>
/// The only code that sends on a socket: one loop draining one queue, so frames go out whole and in the order they
/// were queued, and no producer (a turn, a replay, the receive loop) ever waits for the network.
/// </summary>
/// <remarks>
/// The queue is unbounded on purpose: a slow client must not slow its session's turn or the other connections of the
/// session; everything queued is also stored, so nothing here is the only copy. After the close frame is queued nothing
/// more is accepted. Faults claimed by this connection run here, just before the event they precede.
/// </remarks>
internal sealed class ConnectionWriter : IEventSink
{
    private readonly Channel<OutgoingFrame> queue = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<FaultRule> faults = [];
    private readonly WebSocket socket;
    private readonly EngineFaults engineFaults;
    private readonly Action drop;
    private readonly ILogger logger;
    private readonly string connectionId;
    private int closeQueued;

    public ConnectionWriter(WebSocket socket, EngineFaults engineFaults, Action drop, ILogger logger, string connectionId)
    {
        this.socket = socket;
        this.engineFaults = engineFaults;
        this.drop = drop;
        this.logger = logger;
        this.connectionId = connectionId;
        engineFaults.Claim(newConnection: true, sessionId: null, faults);
    }

    /// <summary>The session this connection is attached to, for faults armed per session; set by the receive loop.</summary>
    public string? SessionId { get; set; }

    /// <summary>True once a drop fault ended the connection (no close frame was or will be sent).</summary>
    public bool Dropped { get; private set; }

    /// <summary>True once the close frame is queued or the connection was dropped: nothing more goes out.</summary>
    public bool IsClosing => Volatile.Read(ref closeQueued) != 0;

    /// <inheritdoc cref="IEventSink.Send"/>
    public void Send(ReadOnlyMemory<byte> utf8) => queue.Writer.TryWrite(OutgoingFrame.Event(utf8));

    /// <summary>Queues the close frame after whatever is queued; only the first close counts.</summary>
    public void Close(WebSocketCloseStatus status, string description)
    {
        if (Interlocked.Exchange(ref closeQueued, 1) == 0)
        {
            queue.Writer.TryWrite(OutgoingFrame.Close(status, description));
            queue.Writer.TryComplete();
        }
    }

    /// <inheritdoc/>
    public void SessionTerminated() => Close(EngineCloseStatus.SessionTerminated, EngineCloseStatus.SessionTerminatedDescription);

    /// <summary>Stops accepting frames; the loop ends once the queue is drained.</summary>
    public void Complete() => queue.Writer.TryComplete();

    /// <summary>Sends queued frames until the queue completes, the close frame is sent, or the socket fails.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (frame.Kind == OutgoingFrameKind.Close)
                {
                    await socket.CloseOutputAsync(frame.CloseStatus, frame.CloseDescription, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (!await BeforeEventAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await socket.SendAsync(frame.Utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                if (!AfterEvent())
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (ConnectionLoss.Is(exception))
        {
            // The socket broke or the connection is ending: the receive loop sees it too and cleans up.
            Log.SendFailed(logger, connectionId, exception.Message);
        }
        finally
        {
            queue.Writer.TryComplete();
        }
    }

    /// <summary>Runs the faults due before an event; false when the connection was dropped.</summary>
    private async ValueTask<bool> BeforeEventAsync(CancellationToken cancellationToken)
    {
        engineFaults.Claim(newConnection: false, SessionId, faults);
        for (var i = 0; i < faults.Count; i++)
        {
            switch (faults[i])
            {
                case InjectRule inject:
                    faults.RemoveAt(i--);
                    Log.FaultInjected(logger, connectionId, "inject");
                    await socket.SendAsync(inject.Frame(SessionId ?? string.Empty), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                    break;

                case StallRule stall:
                    faults.RemoveAt(i--);
                    Log.FaultInjected(logger, connectionId, "stall");
                    await stall.WaitAsync(cancellationToken).ConfigureAwait(false);
                    break;

                case DropRule { Remaining: 0 }:
                    Drop();
                    return false;
            }
        }

        return true;
    }

    /// <summary>Counts one sent event against the drop faults; false when the connection was dropped.</summary>
    private bool AfterEvent()
    {
        foreach (var rule in faults)
        {
            if (rule is DropRule drop && --drop.Remaining == 0)
            {
                Drop();
                return false;
            }
        }

        return true;
    }

    private void Drop()
    {
        Log.FaultInjected(logger, connectionId, "drop");
        Dropped = true;
        Volatile.Write(ref closeQueued, 1);
        queue.Writer.TryComplete();
        drop();
    }
}
