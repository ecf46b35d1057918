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

    /// <summary>The close status the engine sends after terminating a session; such a session cannot be resumed.</summary>
    public const int SessionTerminatedCloseStatus = 4001;

    /// <summary>The close description sent with <see cref="SessionTerminatedCloseStatus"/>.</summary>
    public const string SessionTerminatedCloseDescription = "session terminated";

    /// <summary>The default largest frame either side accepts: 4 MiB; a larger one closes the socket with 1009.</summary>
    public const int DefaultMaxFrameBytes = 4 * 1024 * 1024;

    /// <summary>The history address of a session, relative to the base address.</summary>
    public static string HistoryPath(string sessionId, long? afterSeq = null)
    {
        var path = HistoryPathTemplate.Replace("{sessionId}", Uri.EscapeDataString(sessionId), StringComparison.Ordinal);
        return afterSeq is { } after ? path + "?" + AfterSeqParameter + "=" + after.ToString(CultureInfo.InvariantCulture) : path;
    }
}
