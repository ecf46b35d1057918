namespace Sessions.Engine;

/// <summary>
/// The <c>code</c> values of the file endpoints' error answers (<c>FileError</c>) and of the <c>error</c> events a
/// <c>post_message</c> with files can get. Clients branch on these, never on the text.
/// </summary>
public static class FileErrorCodes
{
    /// <summary>An upload is larger than <see cref="LocalEngineOptions.MaxFileBytes"/> (HTTP 413).</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>The files of one posted message add up to more than <see cref="LocalEngineOptions.MaxMessageBytes"/> (an <c>error</c> event; nothing is posted).</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>An upload has no bytes (HTTP 400).</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The upload's body ended before its <c>Content-Length</c>, or could not be read (HTTP 400; nothing is stored).</summary>
    public const string UploadIncomplete = "upload_incomplete";

    /// <summary>A <c>file_id</c> that this session does not hold (HTTP 404, or an <c>error</c> event for a post).</summary>
    public const string UnknownFile = "unknown_file";

    /// <summary>The upload request is malformed: no <c>name</c>, a bad <c>Content-Type</c> (HTTP 400).</summary>
    public const string InvalidRequest = "invalid_request";
}
