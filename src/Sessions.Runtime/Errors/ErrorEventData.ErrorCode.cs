using Sessions.Serialization;

namespace Sessions;

/// <summary>The typed reading of an <c>error</c> event's code.</summary>
/// <remarks>
/// <see cref="Code"/> stays a string on the wire type: agents may send codes of their own and a newer engine may add
/// some, and the client reports its own conditions as <c>error</c> events too (<see cref="ErrorEvent.IsClientReport"/>);
/// a string keeps every one of them intact for logs and <see cref="SessionException.Code"/>. This accessor is the typed view.
/// </remarks>
public sealed partial record ErrorEventData
{
    /// <summary>
    /// <see cref="Code"/> as the schema's <see cref="Sessions.ErrorCode"/>; <see cref="ErrorCode.Unknown"/> for a code the
    /// schema does not list (an agent's own, a newer engine's, or a client report such as <c>subscriber_queue_overflow</c>).
    /// </summary>
    public ErrorCode ErrorCode => ErrorCodeJsonConverter.FromWireName(Code);
}
