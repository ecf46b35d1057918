using System;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Framing;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// The reader both sides receive with, over a real <see cref="WebSocket"/> reading frames a server-side WebSocket wrote:
/// a message is whole and exact whether it fits the reader's own buffer or not, and the size limit holds at every length.
/// </summary>
public sealed class WebSocketMessageReaderTests
{
    private const int Own = WebSocketMessageReader.OwnBufferSize;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Own - 1)]
    [InlineData(Own)]
    [InlineData(Own + 1)]
    [InlineData(16 * 1024)]
    [InlineData(100 * 1024)]
    public async Task A_message_of_any_length_reads_whole_and_exact(int length)
    {
        var message = Bytes(length, seed: length);
        using var reader = await ReaderOverAsync(1024 * 1024, server => server.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None));

        var frame = await reader.ReceiveAsync(CancellationToken.None);

        Assert.Equal(ReceivedFrameKind.Text, frame.Kind);
        Assert.Equal(message, frame.Utf8.ToArray());
    }

    [Fact]
    public async Task Messages_in_fragments_that_cross_the_own_buffer_read_whole_and_in_order()
    {
        var first = Bytes(Own + 300, seed: 1);
        var second = Bytes(20, seed: 2);
        var third = Bytes(3 * Own, seed: 3);
        using var reader = await ReaderOverAsync(1024 * 1024, async server =>
        {
            await SendInPiecesAsync(server, first, 700);
            await SendInPiecesAsync(server, second, 7);
            await server.SendAsync(Bytes(5, seed: 4), WebSocketMessageType.Binary, true, CancellationToken.None);
            await SendInPiecesAsync(server, third, Own);
        });

        Assert.Equal(first, (await reader.ReceiveAsync(CancellationToken.None)).Utf8.ToArray());
        Assert.Equal(second, (await reader.ReceiveAsync(CancellationToken.None)).Utf8.ToArray());
        var binary = await reader.ReceiveAsync(CancellationToken.None);
        Assert.Equal(ReceivedFrameKind.Binary, binary.Kind);
        Assert.Equal(Bytes(5, seed: 4), binary.Utf8.ToArray());
        Assert.Equal(third, (await reader.ReceiveAsync(CancellationToken.None)).Utf8.ToArray());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Own)]
    [InlineData(20 * 1024)]
    public async Task A_message_over_the_limit_is_too_big_and_the_next_one_still_reads(int limit)
    {
        var atLimit = Bytes(limit, seed: 5);
        using var reader = await ReaderOverAsync(limit, async server =>
        {
            await server.SendAsync(Bytes(limit + 1, seed: 6), WebSocketMessageType.Text, true, CancellationToken.None);
            await SendInPiecesAsync(server, Bytes(3 * limit, seed: 7), Math.Max(1, limit / 2));
            await server.SendAsync(atLimit, WebSocketMessageType.Text, true, CancellationToken.None);
        });

        Assert.Equal(ReceivedFrameKind.TooBig, (await reader.ReceiveAsync(CancellationToken.None)).Kind);
        Assert.Equal(ReceivedFrameKind.TooBig, (await reader.ReceiveAsync(CancellationToken.None)).Kind);
        var next = await reader.ReceiveAsync(CancellationToken.None);
        Assert.Equal(ReceivedFrameKind.Text, next.Kind);
        Assert.Equal(atLimit, next.Utf8.ToArray());
    }

    [Fact]
    public async Task A_binary_message_in_fragments_reads_whole_as_binary()
    {
        var message = Bytes(2 * Own + 17, seed: 8);
        using var reader = await ReaderOverAsync(1024 * 1024, async server =>
        {
            for (var at = 0; at < message.Length; at += 500)
            {
                var length = Math.Min(500, message.Length - at);
                await server.SendAsync(message.AsMemory(at, length), WebSocketMessageType.Binary, at + length == message.Length, CancellationToken.None);
            }
        });

        var frame = await reader.ReceiveAsync(CancellationToken.None);

        Assert.Equal(ReceivedFrameKind.Binary, frame.Kind);
        Assert.Equal(message, frame.Utf8.ToArray());
    }

    [Fact]
    public async Task A_close_while_an_oversize_message_is_skipped_is_reported()
    {
        using var reader = await ReaderOverAsync(100, async server =>
        {
            // An oversize message whose end never comes: the peer closes instead.
            await server.SendAsync(Bytes(300, seed: 9), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
            await server.SendAsync(Bytes(300, seed: 10), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
            await server.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "bye", CancellationToken.None);
        });

        Assert.Equal(ReceivedFrameKind.TooBig, (await reader.ReceiveAsync(CancellationToken.None)).Kind);
        var close = await reader.ReceiveAsync(CancellationToken.None);
        Assert.Equal(ReceivedFrameKind.Close, close.Kind);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
    }

    [Fact]
    public async Task The_peers_close_is_reported_with_its_status()
    {
        using var reader = await ReaderOverAsync(1024, server => server.CloseOutputAsync((WebSocketCloseStatus)4001, "terminated", CancellationToken.None));

        var frame = await reader.ReceiveAsync(CancellationToken.None);

        Assert.Equal(ReceivedFrameKind.Close, frame.Kind);
        Assert.Equal((WebSocketCloseStatus)4001, frame.CloseStatus);
        Assert.Equal("terminated", frame.CloseDescription);
    }

    private static async Task<WebSocketMessageReader> ReaderOverAsync(int maxFrameBytes, Func<WebSocket, Task> serverSends)
    {
        // What a server-side WebSocket writes (unmasked frames), read back by a client-side one over the same bytes.
        var wire = new MemoryStream();
        using (var server = WebSocket.CreateFromStream(wire, isServer: true, subProtocol: null, keepAliveInterval: TimeSpan.Zero))
        {
            await serverSends(server);
        }

        var client = WebSocket.CreateFromStream(new MemoryStream(wire.ToArray()), isServer: false, subProtocol: null, keepAliveInterval: TimeSpan.Zero);
        return new WebSocketMessageReader(client, maxFrameBytes);
    }

    private static async Task SendInPiecesAsync(WebSocket server, byte[] message, int piece)
    {
        for (var at = 0; at < message.Length; at += piece)
        {
            var length = Math.Min(piece, message.Length - at);
            await server.SendAsync(message.AsMemory(at, length), WebSocketMessageType.Text, at + length == message.Length, CancellationToken.None);
        }
    }

    private static byte[] Bytes(int length, int seed)
        => Enumerable.Range(0, length).Select(i => (byte)('a' + ((i * 7) + seed) % 26)).ToArray();
}
