using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sessions.Engine;

namespace Sessions.Benchmarks.EndToEnd;

/// <summary>
/// The server side of goals 3-6, run in a child process (this same executable with <c>--serve</c>) so that the
/// client's memory and GC are measured alone: the local engine with a zero-delay scripted agent (fold window 0),
/// and a bare app with a WebSocket echo endpoint (the latency baseline) and the engine's turn replayed
/// (<see cref="ReplayedTurn"/>, goal 6's floor), all on 127.0.0.1 and ephemeral ports.
/// Prints <c>READY &lt;engine&gt; &lt;api key&gt; &lt;echo&gt;</c>, then serves until stdin says <c>quit</c> or closes.
/// </summary>
public static class ServerHost
{
    public const string Argument = "--serve";
    public const string ApiKey = "bench-key-0123456789";

    public static async Task<int> RunAsync()
    {
        var options = new LocalEngineOptions { FoldWindow = TimeSpan.Zero, Urls = "http://127.0.0.1:0" };
        options.ApiKeys.Add(ApiKey);
        var engine = await LocalEngine.StartAsync(options).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var engineSocket = new UriBuilder(engine.BaseAddress) { Scheme = "ws", Path = global::Sessions.Protocol.ProtocolFacts.SocketPath }.Uri;
            var turn = await ReplayedTurn.RecordAsync(engineSocket, engine.ApiKey, CancellationToken.None).ConfigureAwait(false);
            var echo = await StartEchoAsync(turn).ConfigureAwait(false);
            await using (echo.ConfigureAwait(false))
            {
                var echoAddress = new UriBuilder(echo.Urls.First()) { Scheme = "ws", Path = "echo" }.Uri;
                Console.WriteLine($"READY {engine.BaseAddress} {engine.ApiKey} {echoAddress}");
                Console.Out.Flush();
                while (Console.In.ReadLine() is { } line && line != "quit")
                {
                }

                await echo.StopAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>Receives one whole message into <paramref name="buffer"/>; the result's Count is its length.</summary>
    public static async Task<ValueWebSocketReceiveResult> ReceiveWholeAsync(WebSocket socket, byte[] buffer)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
            length += result.Count;
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        return new ValueWebSocketReceiveResult(length, result.MessageType, result.EndOfMessage);
    }

    private static async Task<WebApplication> StartEchoAsync(IReadOnlyList<byte[]> turn)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/echo", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var buffer = new byte[64 * 1024];
            while (await ReceiveWholeAsync(socket, buffer).ConfigureAwait(false) is { MessageType: not WebSocketMessageType.Close } result)
            {
                await socket.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, true, CancellationToken.None).ConfigureAwait(false);
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        });
        ReplayedTurn.Map(app, turn);
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }
}
