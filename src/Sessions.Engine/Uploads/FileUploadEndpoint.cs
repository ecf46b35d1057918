using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Sessions.Engine.Hosting;
using Sessions.Protocol;

namespace Sessions.Engine.Uploads;

/// <summary>
/// <c>POST /v1/sessions/{session_id}/files?name=NAME</c>: stores the request body as a file of the session and answers
/// <c>201</c> with its <c>StoredFile</c> (id, name, MIME type, size). The MIME type is the request's <c>Content-Type</c>
/// (<c>application/octet-stream</c> without one). The body is copied to disk as it arrives, one buffer at a time, so
/// the engine never holds a whole file; a body over <see cref="FileStore.MaxFileBytes"/> is refused up front when its
/// <c>Content-Length</c> says so and cut off when it gets there otherwise.
/// </summary>
internal sealed class FileUploadEndpoint(EngineState engine)
{
    public const string Pattern = "/" + ProtocolFacts.FilesPathTemplate;

    /// <summary>The longest file name accepted, in UTF-16 units (what common file systems allow).</summary>
    private const int MaxNameLength = 255;

    // A stalled upload is dropped rather than holding a connection and a temp file for ever: slower than 4 KiB/s
    // after a 10 s grace period is treated as gone. Kestrel's default (240 B/s, 5 s) is tuned for small bodies.
    private static readonly MinDataRate UploadMinDataRate = new(bytesPerSecond: 4096, gracePeriod: TimeSpan.FromSeconds(10));

    public async Task HandleAsync(HttpContext context)
    {
        if (await SessionRequestAccess.AuthorizeAsync(engine, context, "its files").ConfigureAwait(false) is not { } session)
        {
            return;
        }

        var sessionId = session.Id;

        var files = engine.Files;
        var name = context.Request.Query[ProtocolFacts.FileNameParameter].ToString();
        if (NameProblem(name) is { } problem)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.InvalidRequest, problem).ConfigureAwait(false);
            return;
        }

        var mimeType = MimeTypeOf(context.Request);
        if (mimeType is null)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.InvalidRequest, "Content-Type \"" + context.Request.ContentType + "\" is not a MIME type (type/subtype).", name).ConfigureAwait(false);
            return;
        }

        // Refused before a byte is read: with "Expect: 100-continue" the client never sends the body at all.
        if (context.Request.ContentLength is { } declared)
        {
            if (declared > files.MaxFileBytes)
            {
                await TooLargeAsync(context, name, files.MaxFileBytes).ConfigureAwait(false);
                return;
            }

            if (declared == 0)
            {
                await EmptyAsync(context, name).ConfigureAwait(false);
                return;
            }
        }

        ConfigureLimits(context);
        var fileId = FileStore.NewFileId();
        var path = files.PathFor(fileId);
        long size;
        try
        {
            size = await CopyBodyAsync(context.Request.BodyReader, path, context.Request.ContentLength ?? 0, files.MaxFileBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or Microsoft.AspNetCore.Http.BadHttpRequestException or OperationCanceledException)
        {
            FileStore.DeleteQuietly(path);
            UploadLog.Incomplete(engine.Logger, sessionId, exception);
            if (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
            {
                await HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.UploadIncomplete, "The upload of \"" + name + "\" ended before its body was complete; nothing was stored.", name).ConfigureAwait(false);
            }

            return;
        }

        if (size < 0)
        {
            FileStore.DeleteQuietly(path);
            await TooLargeAsync(context, name, files.MaxFileBytes).ConfigureAwait(false);
            return;
        }

        if (size == 0)
        {
            FileStore.DeleteQuietly(path);
            await EmptyAsync(context, name).ConfigureAwait(false);
            return;
        }

        var entry = new StoredFileEntry { Id = fileId, SessionId = sessionId, Name = name, MimeType = mimeType, Size = size, Path = path };
        files.Add(entry);
        UploadLog.Stored(engine.Logger, sessionId, fileId, size);
        context.Response.Headers[HeaderNames.Location] = "/" + ProtocolFacts.FilePath(sessionId, fileId);
        await FileResponses.StoredAsync(context, StatusCodes.Status201Created, entry.Describe()).ConfigureAwait(false);
    }

    /// <summary>Copies the body to a new file; returns its size, or -1 when it grew past <paramref name="maxBytes"/> (the copy stops there).</summary>
    private static async Task<long> CopyBodyAsync(PipeReader body, string path, long declaredBytes, long maxBytes, CancellationToken cancellationToken)
    {
        // Kestrel hands the body over in small pipe segments (a few KiB each). Everything read so far goes to disk in
        // one gathering write (pwritev), straight from Kestrel's buffers: no copy of ours, one system call per read.
        var segments = new List<ReadOnlyMemory<byte>>();
        // With a Content-Length the file's blocks are reserved up front (fallocate), so the writes need not grow it.
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.Asynchronous, preallocationSize: declaredBytes);
        long size = 0;
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (size + buffer.Length > maxBytes)
            {
                body.AdvanceTo(buffer.End);
                return -1;
            }

            segments.Clear();
            foreach (var segment in buffer)
            {
                segments.Add(segment);
            }

            await RandomAccess.WriteAsync(file, segments, size, cancellationToken).ConfigureAwait(false);
            size += buffer.Length;
            body.AdvanceTo(buffer.End);
            if (read.IsCompleted)
            {
                return size;
            }
        }
    }

    /// <summary>The body is counted here, not by Kestrel's global limit, so that the answer can name the file and the limit.</summary>
    private static void ConfigureLimits(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = UploadMinDataRate;
        }
    }

    private static string? NameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "Name the file: POST .../files?name=<file name> (URL-encoded).";
        }

        if (name.Length > MaxNameLength)
        {
            return "The file name is longer than " + MaxNameLength + " characters.";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return "The file name contains a control character.";
            }
        }

        return null;
    }

    /// <summary>The request's MIME type without parameters (charset stays), octet-stream without one, null when malformed.</summary>
    private static string? MimeTypeOf(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return "application/octet-stream";
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) && parsed.Type.Length > 0 && parsed.SubType.Length > 0 && !parsed.MatchesAllTypes && !parsed.MatchesAllSubTypes
            ? parsed.ToString()
            : null;
    }

    private static Task TooLargeAsync(HttpContext context, string name, long limit)
        => HttpErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCode.FileTooLarge, "\"" + name + "\" is larger than this engine's limit of " + limit + " bytes per file.", name, limit);

    private static Task EmptyAsync(HttpContext context, string name)
        => HttpErrors.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCode.EmptyFile, "\"" + name + "\" is empty: a file needs at least one byte.", name);
}
