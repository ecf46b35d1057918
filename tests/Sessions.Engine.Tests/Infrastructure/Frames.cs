using System.Linq;
using System.Text.Json;

namespace Sessions.Engine.Tests.Infrastructure;

/// <summary>Client frames as raw JSON, written by hand so the tests pin the wire format rather than a serializer.</summary>
internal static class Frames
{
    public static string Create(string requestId, string agentId = "agent-1")
        => Frame("create_session", requestId, "{\"agent_id\":" + Q(agentId) + "}");

    public static string Connect(string requestId, string sessionId, long? lastSeq = null)
        => Frame("connect_session", requestId, "{\"session_id\":" + Q(sessionId) + (lastSeq is { } seq ? ",\"last_seq\":" + seq : string.Empty) + "}");

    public static string Post(string requestId, string text)
        => Frame("post_message", requestId, "{\"message\":" + Text(text) + "}");

    public static string PostMany(string requestId, params string[] texts)
        => Frame("post_messages", requestId, "{\"messages\":[" + string.Join(",", texts.Select(Text)) + "]}");

    public static string Approve(string requestId, string approvalId, string? confirmJson = null)
        => Frame("send_response", requestId, "{\"approval_id\":" + Q(approvalId) + ",\"approved\":true" + (confirmJson is null ? string.Empty : ",\"confirm\":" + confirmJson) + "}");

    public static string Deny(string requestId, string approvalId, string reason)
        => Frame("send_response", requestId, "{\"approval_id\":" + Q(approvalId) + ",\"approved\":false,\"deny_reason\":" + Q(reason) + "}");

    public static string Terminate(string requestId) => Frame("terminate_session", requestId, null);

    public static string Ping(string requestId) => Frame("ping", requestId, null);

    private static string Frame(string type, string requestId, string? data)
        => "{\"type\":" + Q(type) + ",\"request_id\":" + Q(requestId) + (data is null ? string.Empty : ",\"data\":" + data) + "}";

    private static string Text(string text) => "{\"content_type\":\"text\",\"text\":" + Q(text) + "}";

    private static string Q(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";
}
