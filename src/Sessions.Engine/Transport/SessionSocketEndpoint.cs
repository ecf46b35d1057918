using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sessions.Engine.Hosting;

namespace Sessions.Engine.Transport;

/// <summary><c>/v1/sessions/ws</c>: checks the API key before the upgrade (401 otherwise), then runs one <see cref="Connection"/>.</summary>
internal sealed class SessionSocketEndpoint(EngineState engine)
{
    public const string Path = "/" + global::Sessions.Protocol.ProtocolFacts.SocketPath;

    public async Task HandleAsync(HttpContext context)
    {
        if (engine.Auth.Authenticate(context.Request) is not { } owner)
        {
            await HttpErrors.UnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.WebsocketRequired, "This address takes WebSocket upgrades only.").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await new Connection(socket, context, owner, engine).RunAsync().ConfigureAwait(false);
    }
}
