using System;
using System.Buffers;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// A hand-driven engine on 127.0.0.1: Kestrel accepts <c>/v1/sessions/ws</c> and hands each socket to the test's
/// script, which can send anything at all (generated bad frames, events from a newer schema, a flood). Only for what
/// the real engine cannot be made to send.
/// </summary>
public sealed class FakeEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _upgrades;

    private FakeEngine(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>How many requests reached the WebSocket address (upgrades attempted), refused ones included.</summary>
    public int Upgrades => Volatile.Read(ref _upgrades);

    /// <summary>Starts the fake; <paramref name="accept"/> may answer the HTTP request itself (for a 401) by returning false.</summary>
    public static async Task<FakeEngine> StartAsync(Func<FakePeer, Task> script, Func<HttpContext, int, bool>? accept = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeEngine? self = null;
        app.UseWebSockets();
        app.Map("/v1/sessions/ws", async context =>
        {
            var attempt = Interlocked.Increment(ref self!._upgrades);
            if (accept is not null && !accept(context, attempt))
            {
                return;
            }

            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var peer = new FakePeer(socket, attempt);
            try
            {
                await script(peer);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away: the script ends with it.
            }

            // Returning disposes the socket: Kestrel flushes what was sent and ends the connection (a drop, when the
            // script did not close it).
        });
        await app.StartAsync(Within.Token());
        var address = new Uri(app.Urls.First().Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal) + "/");
        self = new FakeEngine(app, address);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One accepted socket on the fake engine, as the script sees it.</summary>
public sealed class FakePeer
{
    public const string SessionId = "0123456789abcdef01234567";

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public FakePeer(WebSocket socket, int attempt)
    {
        _socket = socket;
        Attempt = attempt;
    }

    /// <summary>1 for the first connection the fake accepted, 2 for the next...</summary>
    public int Attempt { get; }

    public WebSocket Socket => _socket;

    /// <summary>The next whole text frame from the client as JSON, or null once it closed.</summary>
    public async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var result = await _socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
        }
    }

    /// <summary>Answers the client's <c>create_session</c> or <c>connect_session</c>; returns the resumed <c>last_seq</c> (0 on create).</summary>
    public async Task<long> HandshakeAsync(CancellationToken cancellationToken)
    {
        using var frame = await ReceiveAsync(cancellationToken) ?? throw new InvalidOperationException("The client closed before joining.");
        var root = frame.RootElement;
        var type = root.GetProperty("type").GetString();
        var requestId = root.GetProperty("request_id").GetString()!;
        if (type == "create_session")
        {
            await SendAsync($$$"""{"type":"session_created","session_id":"{{{SessionId}}}","request_id":{{{Quote(requestId)}}},"data":{"session_id":"{{{SessionId}}}","agent_id":"a"}}""", cancellationToken);
            return 0;
        }

        var lastSeq = root.GetProperty("data").TryGetProperty("last_seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : 0;
        await SendAsync($$$"""{"type":"session_connected","session_id":"{{{SessionId}}}","request_id":{{{Quote(requestId)}}},"data":{"session_id":"{{{SessionId}}}","last_seq":{{{lastSeq}}},"pending_approvals":[]}}""", cancellationToken);
        return lastSeq;
    }

    /// <summary>Waits for the client's next <c>post_message</c> and acknowledges it (answering pings on the way).</summary>
    public async Task<string> AcknowledgeNextPostAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var frame = await ReceiveAsync(cancellationToken) ?? throw new InvalidOperationException("The client closed before posting.");
            var root = frame.RootElement;
            var requestId = root.GetProperty("request_id").GetString()!;
            switch (root.GetProperty("type").GetString())
            {
                case "ping":
                    await SendAsync($$$"""{"type":"pong","session_id":"{{{SessionId}}}","request_id":{{{Quote(requestId)}}}}""", cancellationToken);
                    continue;
                case "post_message":
                    await SendAsync($$$"""{"type":"message_posted","session_id":"{{{SessionId}}}","message_id":"m1","request_id":{{{Quote(requestId)}}},"data":{"message_id":"m1"}}""", cancellationToken);
                    return root.GetProperty("data").GetProperty("message").TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;
            }
        }
    }

    public Task SendAsync(string json, CancellationToken cancellationToken) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, type, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Reads (and drops) what the client sends until it closes, answering its close; bounded by the token.</summary>
    public async Task DrainUntilClosedAsync(CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(cancellationToken) is { } frame)
        {
            frame.Dispose();
        }

        if (_socket.State == WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
        }
    }

    /// <summary>Ends the connection without a close handshake, after what was sent (as the engine's drop fault does).</summary>
    public void Drop() => _socket.Dispose();

    public static string Quote(string value) => JsonSerializer.Serialize(value);
}
