using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Protocol;
using Sessions.Serialization;

namespace Sessions;

/// <summary>
/// The file endpoint: <c>POST {base}/v1/sessions/{id}/files?name=NAME</c> with the bytes as the body and the MIME type as
/// its <c>Content-Type</c>; the engine answers with the stored file's id, name, MIME type and size.
/// </summary>
internal sealed class FileUploadClient : IDisposable
{
    /// <summary>The code of a <see cref="SessionFileException"/> for a file this side could not read.</summary>
    public const string UnreadableCode = "file_unreadable";

    /// <summary>The code of a <see cref="SessionFileException"/> for an upload whose connection failed.</summary>
    public const string FailedCode = "upload_failed";

    private readonly EngineHttpClients _http;
    private readonly Uri _baseAddress;
    private readonly Credentials.EngineAuthorization _authorization;

    /// <summary>The largest <see cref="SessionClientOptions.InlineFileMaxBytes"/>: its base64 stays far below a 4 MiB frame.</summary>
    public const int MaxInlineBytes = 1024 * 1024;

    public FileUploadClient(Uri baseAddress, Credentials.EngineAuthorization authorization, EngineHttpClients http, int inlineMaxBytes)
    {
        if (inlineMaxBytes is < 0 or > MaxInlineBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(inlineMaxBytes), inlineMaxBytes, $"SessionClientOptions.InlineFileMaxBytes must be between 0 and {MaxInlineBytes} bytes.");
        }

        InlineMaxBytes = inlineMaxBytes;
        _baseAddress = baseAddress;
        _authorization = authorization;
        _http = http; // rented unbounded: a large file may take longer than HttpClient's 100 s default; the caller's token bounds it
    }

    /// <summary>Files of known size up to this many bytes are sent inline.</summary>
    public int InlineMaxBytes { get; }

    /// <summary>Uploads one opened file of a session, in chunks, and returns what the engine stored. Disposes the source when it is the upload's.</summary>
    public async Task<StoredFile> UploadAsync(string sessionId, MessageFile file, FileSource source, IProgress<FileUploadProgress>? progress, CancellationToken cancellationToken)
    {
        using var content = new UploadContent(source, file.Name, progress);
        if (!MediaTypeHeaderValue.TryParse(file.ContentType, out var mediaType))
        {
            throw new SessionFileException($"\"{file.ContentType}\" is not a MIME type (type/subtype), so \"{file.Name}\" was not sent.", file.Name, "invalid_request");
        }

        var endpoint = new Uri(_baseAddress, ProtocolFacts.UploadPath(sessionId, file.Name));
        var where = endpoint.GetLeftPart(UriPartial.Path);
        content.Headers.ContentType = mediaType;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };

        // One try: the body is a stream read once, so a 401 cannot be answered by sending it again with a fresh token.
        // The credential is still asked for each upload, so a token it refreshes by itself is always the current one.
        Authorize(request, await _authorization.HeaderAsync(SessionTokenPurpose.Files, sessionId, cancellationToken).ConfigureAwait(false));

        // With a known length the engine can refuse a file that is too large or empty before the body is sent.
        request.Headers.ExpectContinue = content.Headers.ContentLength is not null;

        HttpStatusCode status;
        byte[] body;
        try
        {
            using var lease = _http.Rent(unbounded: true);
            using var response = await lease.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (the connection, a handler the application added, the caller's stream) is the upload's failure.
            throw content.SourceFailure is { } unreadable
                ? new SessionFileException($"Could not read \"{file.Name}\" after {content.BytesSent} bytes: {unreadable.Message} Nothing was posted.", file.Name, UnreadableCode, unreadable)
                : new SessionFileException($"The upload of \"{file.Name}\" to POST {where} failed after {content.BytesSent} bytes: {exception.Message} Nothing was posted.", file.Name, FailedCode, exception) { Method = "POST", Endpoint = where };
        }

        if (status == HttpStatusCode.Created)
        {
            return Read(body, where, static (ref Utf8JsonReader reader) => StoredFileJsonConverter.ReadValue(ref reader));
        }

        throw ToException(status, body, file.Name, sessionId, where, "POST");
    }

    /// <summary>Opens <c>GET {base}/v1/sessions/{id}/files/{file_id}</c>: the response body, streamed (the caller disposes it). A 401 asks the credential once more for a fresh token.</summary>
    public Task<Stream> OpenAsync(string sessionId, string fileId, CancellationToken cancellationToken)
        => _authorization.RunAsync(SessionTokenPurpose.Files, sessionId, header => OpenAsync(sessionId, fileId, header, cancellationToken), cancellationToken);

    private async Task<Stream> OpenAsync(string sessionId, string fileId, string authorization, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(_baseAddress, ProtocolFacts.FilePath(sessionId, fileId));
        var where = endpoint.GetLeftPart(UriPartial.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        Authorize(request, authorization);
        var lease = _http.Rent(unbounded: true);
        HttpResponseMessage? response = null;
        HttpStatusCode status;
        byte[] body;
        try
        {
            response = await lease.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                // Disposing the stream releases the connection and the client it was read with; the response holds nothing else.
                var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return new DownloadStream(content, fileId, where, lease);
            }

            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            lease.Dispose();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            lease.Dispose();
            throw DownloadStream.Failed(fileId, where, exception);
        }
        catch (OperationCanceledException)
        {
            response?.Dispose();
            lease.Dispose();
            throw;
        }

        throw ToException(status, body, fileId, sessionId, where, "GET");
    }

    /// <summary>The one place a file request gets its Authorization header (a value from <see cref="Credentials.EngineAuthorization"/>).</summary>
    private static void Authorize(HttpRequestMessage request, string authorization)
        => request.Headers.TryAddWithoutValidation("Authorization", authorization);

    private static SessionException ToException(HttpStatusCode status, byte[] body, string fileName, string sessionId, string where, string method)
    {
        FileError? error = null;
        try
        {
            error = Read(body, where, static (ref Utf8JsonReader reader) => FileErrorJsonConverter.ReadValue(ref reader));
        }
        catch (SessionException)
        {
            // Not the engine's error shape (a proxy's page, say): the status says enough.
        }

        var code = error?.Code ?? "http_" + ((int)status).ToString(CultureInfo.InvariantCulture);
        var text = error?.Error ?? $"The engine answered {(int)status}.";
        return status switch
        {
            HttpStatusCode.Unauthorized => new SessionAuthenticationException($"The engine refused the API key (401) at {method} {where}.") { StatusCode = status, Method = method, Endpoint = where },
            HttpStatusCode.Forbidden => new SessionPermissionException($"Session {sessionId} belongs to another API key (403) at {method} {where}.") { StatusCode = status, Method = method, Endpoint = where },
            HttpStatusCode.NotFound when code is "not_found" or "session_terminated" => new SessionNotFoundException($"{text} (404 at {method} {where})", code) { StatusCode = status, Method = method, Endpoint = where },
            _ => new SessionFileException($"The engine refused \"{fileName}\" ({(int)status} {code}): {text}" + (method == "POST" ? " Nothing was posted." : string.Empty), fileName, code)
            {
                LimitBytes = error?.LimitBytes,
                StatusCode = status,
                Method = method,
                Endpoint = where,
            },
        };
    }

    private delegate T JsonRead<T>(ref Utf8JsonReader reader);

    private static T Read<T>(byte[] body, string where, JsonRead<T> read)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            return read(ref reader);
        }
        catch (JsonException exception)
        {
            throw new SessionException($"The answer from POST {where} is not valid: {exception.Message}", "bad_response", exception);
        }
    }

    public void Dispose() => _http.Dispose();
}
