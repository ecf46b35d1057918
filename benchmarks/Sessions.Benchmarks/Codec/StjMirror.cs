using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sessions.Benchmarks.Codec;

// The baseline of goals 1 and 2: the SAME record shapes as the generated Sessions types, read and written the way
// other .NET session SDKs do it, through System.Text.Json's own polymorphism ([JsonPolymorphic] / [JsonDerivedType],
// out-of-order metadata allowed, snake_case names). Measured with the reflection resolver (StjOptions.Reflection)
// and with the source-generated StjContext below. Hand-written on purpose: nothing here comes from our generator.

/// <summary>Options for the reflection-based baseline.</summary>
public static class StjOptions
{
    public static JsonSerializerOptions Reflection { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        AllowOutOfOrderMetadataProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}

/// <summary>The source-generated baseline: same shapes, same options, metadata and fast paths emitted at build time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    AllowOutOfOrderMetadataProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjSessionEvent))]
[JsonSerializable(typeof(StjClientFrame))]
[JsonSerializable(typeof(string))]
public sealed partial class StjContext : JsonSerializerContext
{
}

[JsonConverter(typeof(JsonStringEnumConverter<StjMessageStatus>))]
public enum StjMessageStatus
{
    [JsonStringEnumMemberName("streaming")] Streaming = 1,
    [JsonStringEnumMemberName("complete")] Complete = 2,
    [JsonStringEnumMemberName("error")] Error = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<StjToolCallStatus>))]
public enum StjToolCallStatus
{
    [JsonStringEnumMemberName("started")] Started = 1,
    [JsonStringEnumMemberName("completed")] Completed = 2,
    [JsonStringEnumMemberName("failed")] Failed = 3,
}

[JsonConverter(typeof(JsonStringEnumConverter<StjParticipantState>))]
public enum StjParticipantState
{
    [JsonStringEnumMemberName("idle")] Idle = 1,
    [JsonStringEnumMemberName("thinking")] Thinking = 2,
    [JsonStringEnumMemberName("typing")] Typing = 3,
    [JsonStringEnumMemberName("waiting_for_approval")] WaitingForApproval = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<StjContentType>))]
public enum StjContentType
{
    [JsonStringEnumMemberName("text")] Text = 1,
    [JsonStringEnumMemberName("file")] File = 2,
}

// ---- events (engine -> client) ----

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StjMessageDeltaEvent), "message_delta")]
[JsonDerivedType(typeof(StjMessageCompleteEvent), "message_complete")]
[JsonDerivedType(typeof(StjMessageStreamingEvent), "message_streaming")]
[JsonDerivedType(typeof(StjToolCallEvent), "tool_call")]
[JsonDerivedType(typeof(StjToolResultEvent), "tool_result")]
[JsonDerivedType(typeof(StjThinkingEvent), "thinking")]
[JsonDerivedType(typeof(StjSearchResultEvent), "search_result")]
[JsonDerivedType(typeof(StjApprovalRequestEvent), "approval_request")]
[JsonDerivedType(typeof(StjReauthRequestEvent), "reauth_request")]
[JsonDerivedType(typeof(StjErrorEvent), "error")]
[JsonDerivedType(typeof(StjParticipantStatusEvent), "participant_status")]
[JsonDerivedType(typeof(StjSessionCreatedEvent), "session_created")]
[JsonDerivedType(typeof(StjSessionConnectedEvent), "session_connected")]
[JsonDerivedType(typeof(StjMessagePostedEvent), "message_posted")]
[JsonDerivedType(typeof(StjMessagesPostedEvent), "messages_posted")]
[JsonDerivedType(typeof(StjPongEvent), "pong")]
public abstract record StjSessionEvent
{
    public required string SessionId { get; init; }
    public string? MessageId { get; init; }
    public long? Seq { get; init; }
    public string? RequestId { get; init; }
}

public sealed record StjMessageDeltaEvent : StjSessionEvent { public required StjMessageDeltaData Data { get; init; } }
public sealed record StjMessageDeltaData { public required string Delta { get; init; } }

public sealed record StjMessageCompleteEvent : StjSessionEvent { public required StjMessageCompleteData Data { get; init; } }
public sealed record StjMessageCompleteData
{
    public required string Text { get; init; }
    public required StjMessageStatus Status { get; init; }
}

public sealed record StjMessageStreamingEvent : StjSessionEvent { public required StjMessageStreamingData Data { get; init; } }
public sealed record StjMessageStreamingData { public required StjMessageStatus Status { get; init; } }

public sealed record StjToolCallEvent : StjSessionEvent { public required StjToolCallData Data { get; init; } }
public sealed record StjToolCallData
{
    public required string ToolCallId { get; init; }
    public required string ToolName { get; init; }
    public required IReadOnlyDictionary<string, JsonElement> Arguments { get; init; }
    public required StjToolCallStatus Status { get; init; }
}

public sealed record StjToolResultEvent : StjSessionEvent { public required StjToolResultData Data { get; init; } }
public sealed record StjToolResultData
{
    public required string ToolCallId { get; init; }
    public required string ToolName { get; init; }
    public required JsonElement Result { get; init; }
}

public sealed record StjThinkingEvent : StjSessionEvent { public required StjThinkingData Data { get; init; } }
public sealed record StjThinkingData { public required string Summary { get; init; } }

public sealed record StjSearchResultEvent : StjSessionEvent { public required StjSearchResultData Data { get; init; } }
public sealed record StjSearchResultData
{
    public required string Query { get; init; }
    public required IReadOnlyList<StjSearchResultItem> Results { get; init; }
}

public sealed record StjSearchResultItem
{
    public required string Title { get; init; }
    public required System.Uri Url { get; init; }
    public required string Snippet { get; init; }
}

public sealed record StjApprovalRequestEvent : StjSessionEvent { public required StjApprovalRequestData Data { get; init; } }
public sealed record StjApprovalRequestData
{
    public required string ApprovalId { get; init; }
    public required string ToolName { get; init; }
    public required string ToolId { get; init; }
    public required IReadOnlyDictionary<string, JsonElement> Arguments { get; init; }
    public string? Reason { get; init; }
}

public sealed record StjReauthRequestEvent : StjSessionEvent { public required StjReauthRequestData Data { get; init; } }
public sealed record StjReauthRequestData
{
    public required string Integration { get; init; }
    public System.Uri? AuthUrl { get; init; }
}

public sealed record StjErrorEvent : StjSessionEvent { public required StjErrorData Data { get; init; } }
public sealed record StjErrorData
{
    public required string Error { get; init; }
    public required string Code { get; init; }
    public required bool Retryable { get; init; }
}

public sealed record StjParticipantStatusEvent : StjSessionEvent { public required StjParticipantStatusData Data { get; init; } }
public sealed record StjParticipantStatusData
{
    public required string ParticipantId { get; init; }
    public required StjParticipantState Status { get; init; }
}

public sealed record StjSessionCreatedEvent : StjSessionEvent { public required StjSessionCreatedData Data { get; init; } }
public sealed record StjSessionCreatedData
{
    public required string SessionId { get; init; }
    public string? AgentId { get; init; }
    public string? ChatbotId { get; init; }
}

public sealed record StjSessionConnectedEvent : StjSessionEvent { public required StjSessionConnectedData Data { get; init; } }
public sealed record StjSessionConnectedData
{
    public required string SessionId { get; init; }
    public required long LastSeq { get; init; }
    public required IReadOnlyList<string> PendingApprovals { get; init; }
}

public sealed record StjMessagePostedEvent : StjSessionEvent { public required StjMessagePostedData Data { get; init; } }
public sealed record StjMessagePostedData { public required string MessageId { get; init; } }

public sealed record StjMessagesPostedEvent : StjSessionEvent { public required StjMessagesPostedData Data { get; init; } }
public sealed record StjMessagesPostedData { public required IReadOnlyList<string> MessageIds { get; init; } }

public sealed record StjPongEvent : StjSessionEvent;

// ---- client frames (client -> engine) ----

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StjCreateSessionFrame), "create_session")]
[JsonDerivedType(typeof(StjConnectSessionFrame), "connect_session")]
[JsonDerivedType(typeof(StjPostMessageFrame), "post_message")]
[JsonDerivedType(typeof(StjPostMessagesFrame), "post_messages")]
[JsonDerivedType(typeof(StjSendResponseFrame), "send_response")]
[JsonDerivedType(typeof(StjTerminateSessionFrame), "terminate_session")]
[JsonDerivedType(typeof(StjPingFrame), "ping")]
public abstract record StjClientFrame
{
    public required string RequestId { get; init; }
}

public sealed record StjCreateSessionFrame : StjClientFrame { public required StjCreateSessionData Data { get; init; } }
public sealed record StjCreateSessionData
{
    public string? AgentId { get; init; }
    public string? ChatbotId { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}

public sealed record StjConnectSessionFrame : StjClientFrame { public required StjConnectSessionData Data { get; init; } }
public sealed record StjConnectSessionData
{
    public required string SessionId { get; init; }
    public long? LastSeq { get; init; }
}

public sealed record StjPostMessageFrame : StjClientFrame { public required StjPostMessageData Data { get; init; } }
public sealed record StjPostMessageData { public required StjUserMessage Message { get; init; } }

public sealed record StjPostMessagesFrame : StjClientFrame { public required StjPostMessagesData Data { get; init; } }
public sealed record StjPostMessagesData { public required IReadOnlyList<StjUserMessage> Messages { get; init; } }

public sealed record StjUserMessage
{
    public required StjContentType ContentType { get; init; }
    public string? Text { get; init; }
    public StjFilePart? File { get; init; }
    public IReadOnlyList<StjFilePart>? Files { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? References { get; init; }
}

public sealed record StjFilePart
{
    public required string Name { get; init; }
    public required string MimeType { get; init; }
    [JsonPropertyName("data_base64")] public required string DataBase64 { get; init; }
}

public sealed record StjSendResponseFrame : StjClientFrame { public required StjSendResponseData Data { get; init; } }
public sealed record StjSendResponseData
{
    public required string ApprovalId { get; init; }
    public required bool Approved { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Confirm { get; init; }
    public string? DenyReason { get; init; }
}

public sealed record StjTerminateSessionFrame : StjClientFrame;

public sealed record StjPingFrame : StjClientFrame;
