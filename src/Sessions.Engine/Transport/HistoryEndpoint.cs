using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sessions.Engine.Hosting;
using Sessions.Protocol;

namespace Sessions.Engine.Transport;

/// <summary><c>GET /v1/sessions/{session_id}/messages[?after_seq=N]</c>: the session's history, oldest first.</summary>
internal sealed class HistoryEndpoint(EngineState engine)
{
    public const string Pattern = "/" + ProtocolFacts.HistoryPathTemplate;

    public async Task HandleAsync(HttpContext context)
    {
        // The key first (401), then the query (400), then the session (404).
        if (await SessionRequestAccess.OwnerAsync(engine, context).ConfigureAwait(false) is not { } owner)
        {
            return;
        }

        long afterSeq = 0;
        if (context.Request.Query.TryGetValue(ProtocolFacts.AfterSeqParameter, out var raw)
            && !long.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.InvalidRequest, ProtocolFacts.AfterSeqParameter + " must be a non-negative integer.").ConfigureAwait(false);
            return;
        }

        if (await SessionRequestAccess.FindAsync(engine, context, owner, "its history").ConfigureAwait(false) is not { } session)
        {
            return;
        }

        var sessionId = session.Id;
        var body = EventSerializer.Serialize(new GetMessagesResponse { SessionId = sessionId, Messages = session.Messages(afterSeq), PendingApprovals = session.PendingApprovals() });
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
