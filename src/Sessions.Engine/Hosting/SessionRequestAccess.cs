using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Hosting;

/// <summary>
/// What every HTTP endpoint of a session checks first: the API key (401), then that the session exists for that key
/// (404 <c>not_found</c>; another key's session gets the same answer as a random id) and was not terminated
/// (404 <c>session_terminated</c>).
/// </summary>
internal static class SessionRequestAccess
{
    /// <summary>The session named by the route's <c>sessionId</c> when the request may use it; otherwise the error answer has been written and null is returned.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="context">The request.</param>
    /// <param name="gone">What a terminated session no longer has, for the 404's text ("its history", "its files").</param>
    public static async Task<EngineSession?> AuthorizeAsync(EngineState engine, HttpContext context, string gone)
        => await OwnerAsync(engine, context).ConfigureAwait(false) is { } owner
            ? await FindAsync(engine, context, owner, gone).ConfigureAwait(false)
            : null;

    /// <summary>The API key's owner; null (and the 401 written) when the key is missing or wrong.</summary>
    public static async Task<string?> OwnerAsync(EngineState engine, HttpContext context)
    {
        if (engine.Auth.Authenticate(context.Request) is { } owner)
        {
            return owner;
        }

        await HttpErrors.UnauthorizedAsync(context).ConfigureAwait(false);
        return null;
    }

    /// <summary>The session of the route, live and the owner's; null (and the 404 written) otherwise.</summary>
    public static async Task<EngineSession?> FindAsync(EngineState engine, HttpContext context, string owner, string gone)
    {
        var sessionId = (string)context.Request.RouteValues["sessionId"]!;
        switch (engine.Sessions.Find(sessionId, owner, out var session))
        {
            case SessionLookup.NotFound:
                await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCode.NotFound, "No session with the id \"" + sessionId + "\" exists for this API key.").ConfigureAwait(false);
                return null;
            case SessionLookup.Terminated:
                await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCode.SessionTerminated, "Session \"" + sessionId + "\" was terminated; " + gone + " are gone.").ConfigureAwait(false);
                return null;
        }

        return session;
    }
}
