using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Framing;

/// <summary>
/// Reads whole messages from a socket into a pooled buffer that grows up to the frame limit, so an oversize frame is
/// noticed as soon as it passes the limit, not after it has been buffered whole. The buffer is rented only while a
/// message is being read and used. The client and the engine both read
/// with this one file (linked into both assemblies): one behaviour over the size limit and at a close, on both sides.
/// </summary>
/// <remarks>
/// Hand-written: WebSocket has no "receive one whole message with a limit" of its own, and a Pipe or Stream adapter
/// would copy every message once more. Not thread-safe: one receive loop owns it.
/// </remarks>
internal sealed class WebSocketMessageReader : IDisposable
{
    private const int InitialSize = 16 * 1024;

    private readonly WebSocket socket;
    private readonly int maxFrameBytes;
    private byte[] buffer = [];

    // True while the rest of an oversize message is still arriving: its fragments are dropped, not read as messages.
    private bool discarding;

    public WebSocketMessageReader(WebSocket socket, int maxFrameBytes)
    {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
    }

    /// <summary>The next whole message, the peer's close, or <see cref="ReceivedFrameKind.TooBig"/>; the bytes are valid until the next call.</summary>
    /// <remarks>Pooled builder: the zero-byte wait yields on almost every message, and a plain async ValueTask method
    /// would allocate its state machine each time it does (one receive loop calls this, never concurrently).</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ReceivedFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        // The previous message is done with: its buffer goes back to the pool, and the wait for the next one holds none
        // (a zero-byte read), so an idle connection costs no receive buffer.
        ReturnBuffer();
        if (!discarding)
        {
            var waited = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            if (waited.MessageType == WebSocketMessageType.Close)
            {
                return Close();
            }

            if (waited.EndOfMessage)
            {
                // A whole empty message: the zero-byte read consumed it.
                return new ReceivedFrame(waited.MessageType == WebSocketMessageType.Text ? ReceivedFrameKind.Text : ReceivedFrameKind.Binary, ReadOnlyMemory<byte>.Empty);
            }
        }

        buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        var count = 0;
        while (true)
        {
            if (discarding)
            {
                var skipped = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (skipped.MessageType == WebSocketMessageType.Close)
                {
                    return Close();
                }

                discarding = !skipped.EndOfMessage;
                continue;
            }

            if (count == buffer.Length)
            {
                Grow(count);
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return Close();
            }

            count += result.Count;
            if (count > maxFrameBytes)
            {
                discarding = !result.EndOfMessage;
                return new ReceivedFrame(ReceivedFrameKind.TooBig);
            }

            if (result.EndOfMessage)
            {
                var kind = result.MessageType == WebSocketMessageType.Text ? ReceivedFrameKind.Text : ReceivedFrameKind.Binary;
                return new ReceivedFrame(kind, buffer.AsMemory(0, count));
            }
        }
    }

    public void Dispose() => ReturnBuffer();

    private ReceivedFrame Close() => new(ReceivedFrameKind.Close, CloseStatus: socket.CloseStatus, CloseDescription: socket.CloseStatusDescription);

    private void Grow(int count)
    {
        // One byte past the limit is enough to tell that a message is too big.
        var size = (int)Math.Min((long)maxFrameBytes + 1, (long)buffer.Length * 2);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    private void ReturnBuffer()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
