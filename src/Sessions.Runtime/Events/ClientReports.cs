namespace Sessions;

/// <summary>
/// The <see cref="ErrorEvent"/>s this client makes up itself, never sent by the engine: a listener's queue
/// overflowed, or a frame from the engine could not be read. Both carry <see cref="ErrorEvent.IsClientReport"/>,
/// so code that reacts to the engine's errors (a failed turn) can tell them apart without knowing their codes.
/// </summary>
internal static class ClientReports
{
    /// <summary>The overflow text, as in the Python SDK (<c>data["error"] == "subscriber queue overflow"</c>).</summary>
    public const string OverflowMessage = "subscriber queue overflow";

    public const string OverflowCode = "subscriber_queue_overflow";

    public const string BadFrameCode = "bad_frame";

    public static ErrorEvent Overflow(string sessionId, long dropped) => new()
    {
        SessionId = sessionId,
        Data = new ErrorEventData { Error = OverflowMessage, Code = OverflowCode, Retryable = false },
        DroppedEvents = dropped,
        IsClientReport = true,
    };

    public static ErrorEvent BadFrame(string sessionId, string problem) => new()
    {
        SessionId = sessionId,
        Data = new ErrorEventData { Error = "bad frame from the engine: " + problem, Code = BadFrameCode, Retryable = false },
        IsClientReport = true,
    };
}
