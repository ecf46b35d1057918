using System;

namespace Sessions;

/// <summary>
/// A file could not be sent: too large (<c>file_too_large</c>, with <see cref="LimitBytes"/>), empty (<c>empty_file</c>),
/// unreadable on this side (<c>file_unreadable</c>), cut off on the way (<c>upload_failed</c>, <c>upload_incomplete</c>),
/// a posted message's files together over the engine's limit (<c>message_too_large</c>), a <c>file_id</c> the session does
/// not hold (<c>unknown_file</c>), or refused otherwise. Nothing was posted.
/// </summary>
public sealed class SessionFileException : SessionException
{
    /// <summary>Creates the exception.</summary>
    public SessionFileException(string message, string? fileName, string? code, Exception? innerException = null)
        : base(message, code, innerException)
    {
        FileName = fileName;
    }

    /// <summary>
    /// The file the error is about; null when the engine refused a posted message's files together
    /// (<c>message_too_large</c>) or by id (<c>unknown_file</c>): its message names them.
    /// </summary>
    public string? FileName { get; }

    /// <summary>The engine's limit that was exceeded, in bytes, for <c>file_too_large</c>.</summary>
    public long? LimitBytes { get; init; }
}
