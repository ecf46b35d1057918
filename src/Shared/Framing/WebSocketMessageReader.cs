using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Framing;

/// <summary>
/// Reads whole messages from a socket. A message is read into the reader's own 1 KiB buffer first: most frames fit
/// whole, and an idle connection waits holding that, not a pooled buffer. A longer message moves into a pooled buffer,
/// rented only while it is read and used, that grows up to the frame limit, so an oversize frame is noticed as soon
/// as it passes the limit, not after it has been buffered whole. The client and the engine both read with this one
/// file (linked into both assemblies): one behaviour over the size limit and at a close, on both sides.
/// </summary>
/// <remarks>
/// Hand-written: WebSocket has no "receive one whole message with a limit" of its own, and a Pipe or Stream adapter
/// would copy every message once more. One receive per short message: waiting with a zero-byte read instead (to hold
/// no buffer at all while idle) costs a second receive, with its lock and token registration, on every message.
/// Not thread-safe: one receive loop owns it.
/// </remarks>
internal sealed class WebSocketMessageReader : IDisposable
{
    /// <summary>The size of the reader's own buffer: what an idle connection holds, and the longest message read in one receive.</summary>
    public const int OwnBufferSize = 1024;

    private const int InitialSize = 16 * 1024;

    private readonly WebSocket socket;
    private readonly int maxFrameBytes;
    private readonly byte[] own = new byte[OwnBufferSize];
    private byte[] rented = [];

    // True while the rest of an oversize message is still arriving: its fragments are dropped, not read as messages.
    private bool discarding;

    // The token the socket is aborted by, registered when ReceiveAsync first sees it (again only if it changes). A
    // receive loop passes one token for its lifetime, so this is one registration per connection; handed to the socket,
    // the token would cost a registration and its removal on every receive.
    private CancellationToken registeredToken;
    private CancellationTokenRegistration abortOnCancel;

    public WebSocketMessageReader(WebSocket socket, int maxFrameBytes)
    {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
    }

    /// <summary>The next whole message, the peer's close, or <see cref="ReceivedFrameKind.TooBig"/>; the bytes are valid until the next call.</summary>
    /// <param name="cancellationToken">Aborts the socket when cancelled; the receive then ends as a cancellation of this token.</param>
    public ValueTask<ReceivedFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken != registeredToken)
        {
            abortOnCancel.Dispose();
            registeredToken = cancellationToken;
            abortOnCancel = cancellationToken.UnsafeRegister(static socket => ((WebSocket)socket!).Abort(), socket);
        }

        return cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<ReceivedFrame>(cancellationToken) : ReadAsync(cancellationToken);
    }

    public void Dispose()
    {
        abortOnCancel.Dispose();
        ReturnRented();
    }

    /// <remarks>
    /// The socket receives take no token: the registered one aborts the socket instead. Pooled builder: a receive yields
    /// on almost every message when the connection is not busy, and a plain async ValueTask method would allocate its
    /// state machine each time it does (one receive loop calls this, never concurrently).
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReceivedFrame> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The previous message is done with: a pooled buffer it needed goes back before the wait for the next one.
            ReturnRented();
            if (discarding)
            {
                // The rest of an oversize message can be megabytes: skipped through a pooled buffer, not 1 KiB at a time.
                rented = ArrayPool<byte>.Shared.Rent(InitialSize);
            }

            while (discarding)
            {
                var skipped = await socket.ReceiveAsync(rented.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (skipped.MessageType == WebSocketMessageType.Close)
                {
                    return Close();
                }

                discarding = !skipped.EndOfMessage;
            }

            ReturnRented();
            var first = await socket.ReceiveAsync(own.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (first.MessageType == WebSocketMessageType.Close)
            {
                return Close();
            }

            var kind = first.MessageType == WebSocketMessageType.Text ? ReceivedFrameKind.Text : ReceivedFrameKind.Binary;
            var count = first.Count;
            if (count > maxFrameBytes)
            {
                discarding = !first.EndOfMessage;
                return new ReceivedFrame(ReceivedFrameKind.TooBig);
            }

            if (first.EndOfMessage)
            {
                return new ReceivedFrame(kind, own.AsMemory(0, count));
            }

            // Longer than the own buffer: the rest goes into a pooled one, after what was read so far.
            rented = ArrayPool<byte>.Shared.Rent(InitialSize);
            own.AsSpan(0, count).CopyTo(rented);
            while (true)
            {
                if (count == rented.Length)
                {
                    Grow(count);
                }

                var result = await socket.ReceiveAsync(rented.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
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
                    return new ReceivedFrame(kind, rented.AsMemory(0, count));
                }
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && !(exception is OperationCanceledException cancelled && cancelled.CancellationToken == cancellationToken))
        {
            // The abort the token caused: the socket reports it with its own exception (or a cancellation without this
            // token), and the caller learns of the cancellation it was.
            throw new OperationCanceledException("The receive was cancelled.", exception, cancellationToken);
        }
    }

    private ReceivedFrame Close() => new(ReceivedFrameKind.Close, CloseStatus: socket.CloseStatus, CloseDescription: socket.CloseStatusDescription);

    private void Grow(int count)
    {
        // One byte past the limit is enough to tell that a message is too big.
        var size = (int)Math.Min((long)maxFrameBytes + 1, (long)rented.Length * 2);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        rented.AsSpan(0, count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(rented);
        rented = larger;
    }

    private void ReturnRented()
    {
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = [];
        }
    }
}
