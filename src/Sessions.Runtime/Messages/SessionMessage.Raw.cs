using System.Text.Json;

namespace Sessions;

/// <content>The whole message as the engine stored it.</content>
public sealed partial record SessionMessage
{
    /// <summary>
    /// The message's JSON object exactly as received, with the properties this version does not know
    /// (the Python SDK's <c>raw</c>). Set by <see cref="Session.GetMessagesAsync(System.Threading.CancellationToken)"/>.
    /// </summary>
    public JsonElement Raw { get; init; }
}
