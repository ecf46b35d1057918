using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Sessions.Transport;

/// <summary>
/// Two queues of whole messages, one each way, between a session's connection (<see cref="Client"/>) and an
/// <see cref="InMemoryPeer"/>. A close from the client is answered at once (as a WebSocket server does); a drop fails
/// both directions, as a broken network would.
/// </summary>
internal sealed class InMemoryPipe
{
    private readonly Channel<TransportMessage> _toClient = Channel.CreateUnbounded<TransportMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<TransportMessage> _toPeer = Channel.CreateUnbounded<TransportMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxFrameBytes;
    private int _disposed;

    public InMemoryPipe(int maxFrameBytes)
    {
        _maxFrameBytes = maxFrameBytes;
        Client = new ClientEnd(this);
    }

    public ISessionTransportConnection Client { get; }

    /// <summary>True once the client side disposed its connection.</summary>
    public bool ClientDisposed => Volatile.Read(ref _disposed) == 1;

    public void SendToClient(TransportMessage message)
    {
        if (!_toClient.Writer.TryWrite(message))
        {
            throw new SessionDisconnectedException("The in-memory connection is closed; nothing more can be sent to the client.");
        }
    }

    public void CloseFromPeer(int status, string? description)
    {
        _toClient.Writer.TryWrite(TransportMessage.Close(status, description));
        _toClient.Writer.TryComplete();
    }

    public async ValueTask<TransportMessage?> ReceiveFromClientAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _toPeer.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public void Drop()
    {
        var dropped = new SessionDisconnectedException("The in-memory connection was dropped.");
        _toClient.Writer.TryComplete(dropped);
        _toPeer.Writer.TryComplete();
    }

    private sealed class ClientEnd(InMemoryPipe pipe) : ISessionTransportConnection
    {
        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!pipe._toPeer.Writer.TryWrite(TransportMessage.Text(utf8Json.ToArray())))
            {
                throw new SessionDisconnectedException("The in-memory connection is closed.");
            }

            return ValueTask.CompletedTask;
        }

        public async ValueTask<TransportMessage> ReceiveAsync(CancellationToken cancellationToken)
        {
            TransportMessage message;
            try
            {
                message = await pipe._toClient.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException exception)
            {
                throw exception.InnerException as SessionException ?? new SessionDisconnectedException("The in-memory connection ended without a close.", exception);
            }

            return message.Kind is TransportMessageKind.Text or TransportMessageKind.Binary && message.Payload.Length > pipe._maxFrameBytes
                ? TransportMessage.TooBig()
                : message;
        }

        public ValueTask CloseAsync(int closeStatus, string? description, CancellationToken cancellationToken)
        {
            // The peer hears the close, and the close is answered at once, as a WebSocket server answers one.
            pipe._toPeer.Writer.TryComplete();
            pipe._toClient.Writer.TryWrite(TransportMessage.Close(closeStatus, description));
            pipe._toClient.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }

        public void Abort() => pipe.Drop();

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref pipe._disposed, 1);
            pipe.Drop();
            return ValueTask.CompletedTask;
        }
    }
}
