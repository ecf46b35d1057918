using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sessions.Benchmarks.EndToEnd;

/// <summary>
/// Goal 6's floor: the frames the engine sends for the measured post, recorded once from the engine itself, then sent
/// back all at once by a bare endpoint for every post it receives. Read by a bare <see cref="ClientWebSocket"/>, that is
/// the least any engine and any client can spend on this turn of this protocol: one frame in, the turn's frames out,
/// no work on either side.
/// </summary>
public static class ReplayedTurn
{
    /// <summary>The endpoint's path, beside the echo's.</summary>
    public const string Path = "/replay";

    /// <summary>The text every goal 6 line posts (the runtime sends it itself).</summary>
    public const string Text = "hello there";

    /// <summary>The post_message frame of <see cref="Text"/>, for the bare sockets.</summary>
    public static ReadOnlyMemory<byte> Post { get; } = Encoding.UTF8.GetBytes(
        "{\"type\":\"post_message\",\"request_id\":\"req-12\",\"data\":{\"message\":{\"content_type\":\"text\",\"text\":\"" + Text + "\"}}}");

    /// <summary>Runs one turn on the engine with a bare socket and returns its frames, message_posted to message_complete.</summary>
    public static async Task<IReadOnlyList<byte[]>> RecordAsync(Uri engineSocket, string apiKey, CancellationToken cancellationToken)
    {
        var socket = await BareSocket.ConnectAsync(engineSocket, apiKey, cancellationToken).ConfigureAwait(false);
        await using (socket.ConfigureAwait(false))
        {
            await socket.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
            return await socket.RecordTurnAsync(Post, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Maps the endpoint: every whole message received is answered with <paramref name="frames"/>, in order.</summary>
    public static void Map(WebApplication app, IReadOnlyList<byte[]> frames)
        => app.Map(Path, async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var buffer = new byte[64 * 1024];
            while (await ServerHost.ReceiveWholeAsync(socket, buffer).ConfigureAwait(false) is { MessageType: not WebSocketMessageType.Close })
            {
                foreach (var frame in frames)
                {
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        });
}
