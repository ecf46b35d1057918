using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sessions.Engine.Hosting;

/// <summary>Plain HTTP error answers: a status code and <c>{"error": "...", "code": "..."}</c>, the shape of an <c>error</c> event's data.</summary>
internal static class HttpErrors
{
    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, ErrorCode.Unauthorized, "Missing or invalid API key: send Authorization: Bearer <key>.");
    }

    public static async Task WriteAsync(HttpContext context, int status, ErrorCode code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteString("code", ErrorCodes.WireName(code));
            writer.WriteEndObject();
        }
    }
}
