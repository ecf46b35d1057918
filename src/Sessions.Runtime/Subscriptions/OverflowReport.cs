using System.Globalization;

namespace Sessions.Subscriptions;

/// <summary>The synthetic error a subscriber gets where its queue overflowed.</summary>
internal static class OverflowReport
{
    /// <summary>The error text, as in the Python SDK (<c>data["error"] == "subscriber queue overflow"</c>).</summary>
    public const string Message = "subscriber queue overflow";

    /// <summary>The error code.</summary>
    public const string Code = "subscriber_queue_overflow";

    public static ErrorEvent Create(string sessionId, long dropped) => new()
    {
        SessionId = sessionId,
        Data = new ErrorEventData { Error = Message, Code = Code, Retryable = false },
        DroppedEvents = dropped,
    };

    public static string Describe(long dropped) => dropped.ToString(CultureInfo.InvariantCulture) + " events dropped";
}
