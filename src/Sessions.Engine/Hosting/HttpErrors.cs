using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Sessions.Serialization;

namespace Sessions.Engine.Hosting;

/// <summary>
/// The engine's one writer of HTTP error answers: a status code and a <c>FileError</c> body, <c>{"error": "...",
/// "code": "..."}</c> (the shape of an <c>error</c> event's data) plus, for the file endpoints, the file and the limit.
/// </summary>
internal static class HttpErrors
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task UnauthorizedAsync(HttpContext context)
        => WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCode.Unauthorized, "Missing or invalid API key: send Authorization: Bearer <key>.");

    public static async Task WriteAsync(HttpContext context, int status, ErrorCode code, string message, string? fileName = null, long? limitBytes = null)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var error = new FileError { Error = message, Code = ErrorCodes.WireName(code), FileName = fileName, LimitBytes = limitBytes };
        var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            FileErrorJsonConverter.WriteValue(writer, error);
        }
    }
}
