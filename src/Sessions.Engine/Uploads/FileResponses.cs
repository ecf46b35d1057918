using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Sessions.Serialization;

namespace Sessions.Engine.Uploads;

/// <summary>The file endpoints' success answer, a <c>StoredFile</c> (errors go through <see cref="Hosting.HttpErrors"/>).</summary>
internal static class FileResponses
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
