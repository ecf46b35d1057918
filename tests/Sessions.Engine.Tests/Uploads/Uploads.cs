using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;
using Sessions.Serialization;

namespace Sessions.Engine.Tests.Uploads;

/// <summary>Raw HTTP calls to the file endpoints, the way a client without the runtime would make them.</summary>
internal static class Uploads
{
    public static Uri Address(string sessionId, string? name = null)
        => new("/v1/sessions/" + sessionId + "/files" + (name is null ? string.Empty : "?name=" + Uri.EscapeDataString(name)), UriKind.Relative);

    public static async Task<HttpResponseMessage> PostAsync(LocalEngine engine, string sessionId, string? name, HttpContent content, string? apiKey = null)
    {
        using var http = TestEngine.Http(engine, apiKey);
        return await http.PostAsync(Address(sessionId, name), content, Deadline.Token());
    }

    public static ByteArrayContent Bytes(byte[] bytes, string? mimeType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        if (mimeType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mimeType);
        }

        return content;
    }

    public static async Task<StoredFile> StoreAsync(LocalEngine engine, string sessionId, string name, byte[] bytes, string mimeType = "application/octet-stream")
    {
        using var response = await PostAsync(engine, sessionId, name, Bytes(bytes, mimeType));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await StoredAsync(response);
    }

    public static async Task<StoredFile> StoredAsync(HttpResponseMessage response)
    {
        var reader = new Utf8JsonReader(await response.Content.ReadAsByteArrayAsync());
        reader.Read();
        return StoredFileJsonConverter.ReadValue(ref reader);
    }

    public static async Task<FileError> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reader = new Utf8JsonReader(await response.Content.ReadAsByteArrayAsync());
        reader.Read();
        return FileErrorJsonConverter.ReadValue(ref reader);
    }

    /// <summary>A <c>post_message</c> whose file is given by id.</summary>
    public static string PostFile(string requestId, StoredFile file, string? extraFileJson = null)
        => "{\"type\":\"post_message\",\"request_id\":\"" + requestId + "\",\"data\":{\"message\":{\"content_type\":\"file\",\"file\":"
            + Part(file) + (extraFileJson is null ? string.Empty : ",\"files\":[" + extraFileJson + "]") + "}}}";

    public static string Part(StoredFile file)
        => "{\"name\":\"" + file.Name + "\",\"mime_type\":\"" + file.MimeType + "\",\"file_id\":\"" + file.FileId + "\"}";
}
