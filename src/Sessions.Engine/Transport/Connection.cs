using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Diagnostics;
using Sessions.Engine.Hosting;
using Sessions.Framing;

namespace Sessions.Engine.Transport;

/// <summary>
/// One accepted WebSocket: a receive loop (this class) and a writer (<see cref="ConnectionWriter"/>), and the rules
/// for how they end. The session outlives it: ending a connection only detaches it.
/// </summary>
/// <remarks>
/// Endings: the peer closes (we answer its close), the engine closes (terminate 4001, oversize 1009,
/// stopping 1001: the peer gets a bounded time to answer, then the socket is aborted), or the socket breaks (a drop
/// fault, a network error). Every wait is bounded, so a connection never outlives engine shutdown.
/// </remarks>
internal sealed class Connection
{
    private static long lastId;

    private readonly WebSocket socket;
    private readonly HttpContext context;
    private readonly EngineState engine;
    private readonly ConnectionWriter writer;
    private readonly FrameHandler handler;
    private readonly ILogger logger;
    private readonly string id = "c" + Interlocked.Increment(ref lastId);

    public Connection(WebSocket socket, HttpContext context, string owner, EngineState engine)
    {
        this.socket = socket;
        this.context = context;
        this.engine = engine;
        logger = engine.Logger;
        writer = new ConnectionWriter(socket, engine.Faults, Drop, logger, id);
        handler = new FrameHandler(engine.Sessions, writer, owner, logger, id, engine.Files);
    }

    public async Task RunAsync()
    {
        Log.ConnectionOpened(logger, id);
        using var receiveCancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var writeCancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var stopping = engine.Stopping.Register(static state => ((ConnectionWriter)state!).Close(EngineCloseStatus.EngineStopping, "engine stopping"), writer);

        var writing = writer.RunAsync(writeCancellation.Token);
        var receiving = ReceiveLoopAsync(receiveCancellation.Token);
        try
        {
            if (await Task.WhenAny(receiving, writing).ConfigureAwait(false) == writing && !receiving.IsCompleted)
            {
                if (writer.Dropped)
                {
                    // A drop fault disposed the socket without a close frame. Returning now lets Kestrel flush what was
                    // sent and end the TCP connection, which also ends the receive loop; waiting for it would deadlock.
                    return;
                }

                // The writer sent our close frame (or the socket broke): the peer has a bounded time to answer it.
                receiveCancellation.CancelAfter(engine.Options.ShutdownTimeout);
            }

            await receiving.ConfigureAwait(false);

            // The peer closed or went away: let the writer send what is queued (our close answer last), for a bounded
            // time. (Real time, not the engine's TimeProvider: these bounds keep shutdown safe even under a fake clock.)
            writer.Complete();
            try
            {
                await writing.WaitAsync(engine.Options.ShutdownTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await writeCancellation.CancelAsync().ConfigureAwait(false);
                await writing.ConfigureAwait(false);
            }
        }
        finally
        {
            if (handler.Attached is { } session)
            {
                session.Detach(writer);
            }

            if (!writer.Dropped && socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
            {
                socket.Abort();
            }

            Log.ConnectionClosed(logger, id, writer.Dropped ? "dropped by a fault" : socket.CloseStatus?.ToString() ?? socket.State.ToString());
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        // The receiver (and its pooled buffer) belongs to this loop, which may outlive RunAsync after a drop.
        using var receiver = new WebSocketMessageReader(socket, engine.Options.MaxFrameBytes);
        try
        {
            while (true)
            {
                var frame = await receiver.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                switch (frame.Kind)
                {
                    case ReceivedFrameKind.Close:
                        // Either the peer starts the close (we answer with its status) or it answers ours (Close is then a no-op).
                        writer.Close(frame.CloseStatus ?? WebSocketCloseStatus.NormalClosure, string.Empty);
                        return;

                    case ReceivedFrameKind.TooBig:
                        Log.FrameTooBig(logger, id, engine.Options.MaxFrameBytes);
                        writer.Close(EngineCloseStatus.FrameTooBig, "frame exceeds " + engine.Options.MaxFrameBytes + " bytes");
                        break;

                    case var _ when writer.IsClosing:
                        // We are closing: what the peer still sends is read (to reach its close frame) and dropped.
                        break;

                    default:
                        handler.Handle(frame);
                        break;
                }
            }
        }
        catch (Exception exception) when (ConnectionLoss.Is(exception))
        {
            // The socket broke, was dropped by a fault, or the peer did not answer our close in time.
            Log.ReceiveEnded(logger, id, exception.GetType().Name);
        }
#pragma warning disable CA1031 // A bug in handling one connection must end that connection, not crash the engine.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.ReceiveFailed(logger, exception, id);
            writer.Close(WebSocketCloseStatus.InternalServerError, "internal error");
        }
    }

    /// <summary>
    /// The drop fault: the peer sees the connection end with no close handshake, but only after every frame sent
    /// before it. Dispose, not Abort: an aborted socket makes ASP.NET Core abort the HTTP connection and discard output
    /// not yet flushed, while a disposed one lets Kestrel flush it and end the connection once the handler returns.
    /// </summary>
    private void Drop() => socket.Dispose();
}
