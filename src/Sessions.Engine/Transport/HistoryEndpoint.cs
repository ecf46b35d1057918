using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sessions.Engine.Hosting;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Transport;

/// <summary><c>GET /v1/sessions/{session_id}/messages[?after_seq=N]</c>: the session's history, oldest first.</summary>
internal sealed class HistoryEndpoint(EngineState engine)
{
    public const string Pattern = "/" + global::Sessions.Protocol.ProtocolFacts.HistoryPathTemplate;

    public async Task HandleAsync(HttpContext context)
    {
        if (engine.Auth.Authenticate(context.Request) is not { } owner)
        {
            await HttpErrors.UnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        var sessionId = (string)context.Request.RouteValues["sessionId"]!;
        long afterSeq = 0;
        if (context.Request.Query.TryGetValue("after_seq", out var raw)
            && !(long.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq)))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.InvalidRequest, "after_seq must be a non-negative integer.").ConfigureAwait(false);
            return;
        }

        switch (engine.Sessions.Find(sessionId, owner, out var session))
        {
            case SessionLookup.NotFound:
                await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCode.NotFound, "No session with the id \"" + sessionId + "\" exists for this API key.").ConfigureAwait(false);
                return;
            case SessionLookup.Terminated:
                await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCode.SessionTerminated, "Session \"" + sessionId + "\" was terminated; its history is gone.").ConfigureAwait(false);
                return;
        }

        var body = EventSerializer.Serialize(new GetMessagesResponse { SessionId = sessionId, Messages = session!.Messages(afterSeq), PendingApprovals = session.PendingApprovals() });
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
