using System;
using System.Collections.Generic;
using System.IO;

namespace Sessions;

/// <summary>
/// A MIME type guessed from a file name's extension, for files sent without one. A short table of the kinds people
/// send to agents, by hand: ASP.NET Core's <c>FileExtensionContentTypeProvider</c> lives in the
/// Microsoft.AspNetCore.StaticFiles assembly of the ASP.NET Core shared framework, which a plain .NET application (and
/// this runtime, net8.0/net10.0 without the web SDK) does not have, and no package of the BCL offers one.
/// </summary>
internal static class MimeTypes
{
    public const string Fallback = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".csv"] = "text/csv",
        [".tsv"] = "text/tab-separated-values",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".css"] = "text/css",
        [".xml"] = "application/xml",
        [".json"] = "application/json",
        [".js"] = "text/javascript",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".pdf"] = "application/pdf",
        [".rtf"] = "application/rtf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
        [".tar"] = "application/x-tar",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
        [".bmp"] = "image/bmp",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".heic"] = "image/heic",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".m4a"] = "audio/mp4",
        [".ogg"] = "audio/ogg",
        [".flac"] = "audio/flac",
        [".mp4"] = "video/mp4",
        [".mov"] = "video/quicktime",
        [".webm"] = "video/webm",
    };

    /// <summary>The MIME type for a file name's extension, or <c>application/octet-stream</c>.</summary>
    public static string FromName(string fileName)
        => ByExtension.TryGetValue(Path.GetExtension(fileName), out var mimeType) ? mimeType : Fallback;
}
