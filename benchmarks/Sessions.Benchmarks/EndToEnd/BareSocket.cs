using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Benchmarks.EndToEnd;

/// <summary>
/// The transport's ceiling: a bare <see cref="ClientWebSocket"/> that speaks just enough of the protocol (hand-written
/// frames) to start a turn, then receives its frames into one reused buffer without decoding them.
/// </summary>
public sealed class BareSocket : IAsyncDisposable
{
    private static readonly byte[] CompleteMarker = Encoding.UTF8.GetBytes("\"message_complete\"");
    private static readonly byte[] DeltaMarker = Encoding.UTF8.GetBytes("\"message_delta\"");
    private readonly ClientWebSocket _socket;
    private const int MaxFrameBytes = 16 * 1024 * 1024;
    private byte[] _buffer = new byte[16 * 1024]; // what the runtime rents for a long message; grows for a larger frame
    private int _requests;

    private BareSocket(ClientWebSocket socket) => _socket = socket;

    public static async Task<BareSocket> ConnectAsync(Uri address, string? apiKey, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        if (apiKey is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + apiKey);
        }

        await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        return new BareSocket(socket);
    }

    /// <summary>Creates a session (one frame out, its answer in).</summary>
    public async Task CreateSessionAsync(CancellationToken cancellationToken)
    {
        await SendTextAsync("{\"type\":\"create_session\",\"request_id\":\"bare-" + ++_requests + "\",\"data\":{\"agent_id\":\"bench-agent\"}}", cancellationToken).ConfigureAwait(false);
        await ReceiveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Terminates the session, so the engine lets go of everything it stored for it, and waits for the engine's close.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        await SendTextAsync("{\"type\":\"terminate_session\",\"request_id\":\"bare-" + ++_requests + "\"}", cancellationToken).ConfigureAwait(false);
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        while (result.MessageType != WebSocketMessageType.Close);

        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Posts <paramref name="text"/> and receives every frame until <c>message_complete</c>; returns how many. With
    /// <paramref name="parse"/>, each frame is also parsed into a <see cref="JsonDocument"/> and its type read.
    /// </summary>
    public async Task<int> RunTurnAsync(string text, CancellationToken cancellationToken, bool parse = false)
    {
        await SendTextAsync(
            "{\"type\":\"post_message\",\"request_id\":\"bare-" + ++_requests + "\",\"data\":{\"message\":{\"content_type\":\"text\",\"text\":\"" + text + "\"}}}",
            cancellationToken).ConfigureAwait(false);
        var frames = 0;
        while (true)
        {
            var length = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            frames++;
            if (parse)
            {
                using var document = JsonDocument.Parse(_buffer.AsMemory(0, length));
                _ = document.RootElement.GetProperty("type").GetString();
            }

            if (IsComplete(length))
            {
                return frames;
            }
        }
    }

    /// <summary>Sends <paramref name="post"/> and returns every frame until <c>message_complete</c>, copied.</summary>
    public async Task<IReadOnlyList<byte[]>> RecordTurnAsync(ReadOnlyMemory<byte> post, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(post, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        var frames = new List<byte[]>();
        while (true)
        {
            var length = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            frames.Add(_buffer.AsSpan(0, length).ToArray());
            if (IsComplete(length))
            {
                return frames;
            }
        }
    }

    /// <summary>Sends <paramref name="post"/>, returns the time to the first <c>message_delta</c>, then reads the rest of the turn.</summary>
    public async Task<TimeSpan> FirstDeltaAsync(ReadOnlyMemory<byte> post, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await _socket.SendAsync(post, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        TimeSpan? firstDelta = null;
        while (true)
        {
            var length = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            if (firstDelta is null && _buffer.AsSpan(0, Math.Min(length, 64)).IndexOf(DeltaMarker) >= 0)
            {
                firstDelta = Stopwatch.GetElapsedTime(start);
            }

            if (IsComplete(length))
            {
                return firstDelta ?? throw new InvalidOperationException("The turn completed without a message_delta.");
            }
        }
    }

    /// <summary>Sends one text frame and waits for one frame back (the echo round trip).</summary>
    public async Task EchoAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        await ReceiveAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text).AsMemory(), WebSocketMessageType.Text, true, cancellationToken).AsTask();

    public async ValueTask<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (length == _buffer.Length)
            {
                if (_buffer.Length >= MaxFrameBytes)
                {
                    throw new WebSocketException("A frame is larger than " + MaxFrameBytes + " bytes.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            throw new WebSocketException("The server closed the socket: " + _socket.CloseStatus + " " + _socket.CloseStatusDescription);
        }

        return length;
    }

    // The type comes first in every frame the engine sends, so its first 64 bytes tell the kind.
    private bool IsComplete(int length) => _buffer.AsSpan(0, Math.Min(length, 64)).IndexOf(CompleteMarker) >= 0;

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Best effort.
        }

        _socket.Dispose();
    }
}
