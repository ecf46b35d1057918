using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Serialization;

namespace Sessions.Engine.Tests.Infrastructure;

/// <summary>
/// A bare protocol client over <see cref="ClientWebSocket"/>: sends raw JSON frames, reads frames one by one and parses
/// them with the generated converter. Every wait has a deadline.
/// </summary>
internal sealed class TestClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private int nextRequest;

    private TestClient(ClientWebSocket socket) => this.socket = socket;

    public WebSocket Socket => socket;

    /// <summary>Every event received so far (frames that are not events are not in it).</summary>
    public List<SessionEvent> Received { get; } = [];

    public static async Task<TestClient> ConnectAsync(LocalEngine engine, string? apiKey = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + (apiKey ?? engine.ApiKey));
        using var deadline = new CancellationTokenSource(Deadline.Default);
        await socket.ConnectAsync(engine.WebSocketAddress, deadline.Token);
        return new TestClient(socket);
    }

    /// <summary>Creates a session on a new connection; returns the client and the <c>session_created</c> event.</summary>
    public static async Task<(TestClient Client, SessionCreatedEvent Created)> CreateSessionAsync(LocalEngine engine, string? apiKey = null)
    {
        var client = await ConnectAsync(engine, apiKey);
        await client.SendAsync(Frames.Create("create"));
        return (client, await client.NextAsync<SessionCreatedEvent>());
    }

    /// <summary>A fresh request id for this connection.</summary>
    public string NextRequestId() => "r" + Interlocked.Increment(ref nextRequest);

    public async Task SendAsync(string json)
    {
        using var deadline = new CancellationTokenSource(Deadline.Default);
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var deadline = new CancellationTokenSource(Deadline.Default);
        await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, deadline.Token);
    }

    /// <summary>Reads one whole frame as text; throws if the engine closes instead.</summary>
    public async Task<string> ReceiveTextAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Deadline.Default);
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The engine closed the socket (" + socket.CloseStatus + " " + socket.CloseStatusDescription + ") while a frame was expected.");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    /// <summary>Reads the next frame, which must be an event.</summary>
    public async Task<SessionEvent> ReceiveAsync()
    {
        var text = await ReceiveTextAsync();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        reader.Read();
        var sessionEvent = SessionEventJsonConverter.ReadValue(ref reader);
        Received.Add(sessionEvent);
        return sessionEvent;
    }

    /// <summary>Reads events until one of type <typeparamref name="T"/> (matching <paramref name="match"/>) arrives.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : SessionEvent
    {
        while (true)
        {
            if (await ReceiveAsync() is T found && (match is null || match(found)))
            {
                return found;
            }
        }
    }

    /// <summary>Reads events up to and including the first of type <typeparamref name="T"/>; returns them all, in order.</summary>
    public async Task<List<SessionEvent>> UntilAsync<T>()
        where T : SessionEvent
    {
        var events = new List<SessionEvent>();
        while (true)
        {
            var next = await ReceiveAsync();
            events.Add(next);
            if (next is T)
            {
                return events;
            }
        }
    }

    /// <summary>Sends a ping and reads events up to its pong: everything the engine had queued before it.</summary>
    public async Task<List<SessionEvent>> DrainAsync()
    {
        var requestId = NextRequestId();
        await SendAsync(Frames.Ping(requestId));
        var events = new List<SessionEvent>();
        while (true)
        {
            var next = await ReceiveAsync();
            if (next is PongEvent pong && pong.RequestId == requestId)
            {
                return events;
            }

            events.Add(next);
        }
    }

    /// <summary>Reads (and returns) frames until the engine's close frame; then completes the close handshake.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Description, List<string> FramesBefore)> ReceiveCloseAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline.Default);
        var frames = new List<string>();
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, deadline.Token);
                }

                return (socket.CloseStatus, socket.CloseStatusDescription, frames);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                frames.Add(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                message.SetLength(0);
            }
        }
    }

    /// <summary>Reads until the socket fails (an abort by the engine); returns the frames read before it.</summary>
    public async Task<List<string>> ReceiveUntilAbortedAsync()
    {
        var frames = new List<string>();
        try
        {
            while (true)
            {
                frames.Add(await ReceiveTextAsync());
            }
        }
        catch (WebSocketException)
        {
            return frames;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", deadline.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The engine went first; nothing to close.
            }
        }

        socket.Dispose();
    }

    /// <summary>The <c>seq</c> values of the events that carry one, in order.</summary>
    public static long[] Seqs(IEnumerable<SessionEvent> events) => events.Where(e => e.Seq is not null).Select(e => e.Seq!.Value).ToArray();
}
