using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sessions.Engine.Hosting;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Uploads;

/// <summary>What both file endpoints check first: the API key (401), then that the session exists (404) and is the key's (403).</summary>
internal static class SessionFileAccess
{
    /// <summary>The session's id when the request may use it; otherwise the error answer has been written and null is returned.</summary>
    public static async Task<string?> AuthorizeAsync(EngineState engine, HttpContext context)
    {
        if (engine.Auth.Authenticate(context.Request) is not { } owner)
        {
            await FileResponses.ErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorCode.Unauthorized, "Missing or invalid API key: send Authorization: Bearer <key>.").ConfigureAwait(false);
            return null;
        }

        var sessionId = (string)context.Request.RouteValues["sessionId"]!;
        switch (engine.Sessions.Find(sessionId, owner, out _))
        {
            case SessionLookup.NotFound:
                await FileResponses.ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCode.NotFound, "No session with the id \"" + sessionId + "\" exists for this API key.").ConfigureAwait(false);
                return null;
            case SessionLookup.Terminated:
                await FileResponses.ErrorAsync(context, StatusCodes.Status404NotFound, ErrorCode.SessionTerminated, "Session \"" + sessionId + "\" was terminated; its files are gone.").ConfigureAwait(false);
                return null;
        }

        return sessionId;
    }
}
