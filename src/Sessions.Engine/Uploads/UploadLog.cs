using System;
using Microsoft.Extensions.Logging;

namespace Sessions.Engine.Uploads;

/// <summary>The file endpoints' log lines (source-generated; ids 70-79). Names and bytes of files are never logged.</summary>
internal static partial class UploadLog
{
    [LoggerMessage(70, LogLevel.Debug, "Session {SessionId}: stored file {FileId} ({Size} bytes)")]
    public static partial void Stored(ILogger logger, string sessionId, string fileId, long size);

    [LoggerMessage(71, LogLevel.Information, "Session {SessionId}: an upload ended before its body was complete; nothing stored")]
    public static partial void Incomplete(ILogger logger, string sessionId, Exception exception);
}
