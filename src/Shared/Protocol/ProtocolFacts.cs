using System;
using System.Globalization;

namespace Sessions.Protocol;

/// <summary>
/// The facts of the session protocol that the client and the engine must agree on and that the schema cannot carry
/// (paths, close codes, limits). One source file, linked into both assemblies, so the two cannot drift apart.
/// </summary>
internal static class ProtocolFacts
{
    /// <summary>The session WebSocket, relative to the engine's base address.</summary>
    public const string SocketPath = "v1/sessions/ws";

    /// <summary>The history endpoint's route, relative to the base address; <c>{sessionId}</c> is the session's id.</summary>
    public const string HistoryPathTemplate = "v1/sessions/{sessionId}/messages";

    /// <summary>The query parameter that asks the history for messages after a seq.</summary>
    public const string AfterSeqParameter = "after_seq";

    /// <summary>The file endpoints' route, relative to the base address: <c>POST</c> uploads a file of the session.</summary>
    public const string FilesPathTemplate = "v1/sessions/{sessionId}/files";

    /// <summary>One file's route, relative to the base address: <c>GET</c> downloads it; <c>{fileId}</c> is the file's id.</summary>
    public const string FilePathTemplate = FilesPathTemplate + "/{fileId}";

    /// <summary>The query parameter of an upload that names the file.</summary>
    public const string FileNameParameter = "name";

    /// <summary>The close status the engine sends after terminating a session; such a session cannot be resumed.</summary>
    public const int SessionTerminatedCloseStatus = 4001;

    /// <summary>The close description sent with <see cref="SessionTerminatedCloseStatus"/>.</summary>
    public const string SessionTerminatedCloseDescription = "session terminated";

    /// <summary>The default largest frame either side accepts: 4 MiB; a larger one closes the socket with 1009.</summary>
    public const int DefaultMaxFrameBytes = 4 * 1024 * 1024;

    /// <summary>The file endpoint of a session, relative to the base address.</summary>
    public static string FilesPath(string sessionId) => SessionPath(FilesPathTemplate, sessionId);

    /// <summary>The upload address of a file of a session, relative to the base address: <see cref="FilesPath"/> with the file's name as its query.</summary>
    public static string UploadPath(string sessionId, string fileName)
        => FilesPath(sessionId) + "?" + FileNameParameter + "=" + Uri.EscapeDataString(fileName);

    /// <summary>The address of one file of a session, relative to the base address.</summary>
    public static string FilePath(string sessionId, string fileId)
        => FilesPath(sessionId) + "/" + Uri.EscapeDataString(fileId);

    /// <summary>The history address of a session, relative to the base address.</summary>
    public static string HistoryPath(string sessionId, long? afterSeq = null)
    {
        var path = SessionPath(HistoryPathTemplate, sessionId);
        return afterSeq is { } after ? path + "?" + AfterSeqParameter + "=" + after.ToString(CultureInfo.InvariantCulture) : path;
    }

    private static string SessionPath(string template, string sessionId)
        => template.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
}
