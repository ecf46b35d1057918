using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Sessions.Engine.Hosting;
using Sessions.Protocol;

namespace Sessions.Engine.Uploads;

/// <summary><c>GET /v1/sessions/{session_id}/files/{file_id}</c>: streams a file of the session back, with its MIME type, size and name.</summary>
internal sealed class FileDownloadEndpoint(EngineState engine)
{
    public const string Pattern = "/" + ProtocolFacts.FilePathTemplate;

    public async Task HandleAsync(HttpContext context)
    {
        if (await SessionRequestAccess.AuthorizeAsync(engine, context, "its files").ConfigureAwait(false) is not { } session)
        {
            return;
        }

        var sessionId = session.Id;

        var fileId = (string)context.Request.RouteValues["fileId"]!;
        if (engine.Files.Find(sessionId, fileId) is not { } entry)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCode.UnknownFile, "Session \"" + sessionId + "\" has no file \"" + fileId + "\".").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = entry.MimeType;
        context.Response.ContentLength = entry.Size;
        // The type is whatever the uploader said: a browser must not guess another (text/html) from the bytes.
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = entry.Name }.ToString();
        var source = entry.Open();
        await using (source.ConfigureAwait(false))
        {
            // Stream.CopyToAsync uses one pooled buffer: the file is never whole in memory.
            await source.CopyToAsync(context.Response.Body, 64 * 1024, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
