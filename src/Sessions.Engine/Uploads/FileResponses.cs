using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Sessions.Serialization;

namespace Sessions.Engine.Uploads;

/// <summary>The file endpoints' JSON answers: a <c>StoredFile</c>, or a <c>FileError</c> (the history endpoint's error shape plus the file and the limit).</summary>
internal static class FileResponses
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task ErrorAsync(HttpContext context, int status, ErrorCode code, string message, string? fileName = null, long? limitBytes = null)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        var error = new FileError { Error = message, Code = ErrorCodes.WireName(code), FileName = fileName, LimitBytes = limitBytes };
        return WriteAsync(context, status, error, static (writer, value) => FileErrorJsonConverter.WriteValue(writer, value));
    }

    public static Task StoredAsync(HttpContext context, int status, StoredFile file)
        => WriteAsync(context, status, file, static (writer, value) => StoredFileJsonConverter.WriteValue(writer, value));

    private static async Task WriteAsync<T>(HttpContext context, int status, T value, System.Action<Utf8JsonWriter, T> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            write(writer, value);
        }
    }
}
