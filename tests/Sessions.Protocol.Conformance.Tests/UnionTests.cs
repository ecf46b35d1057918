using System;
using System.Linq;
using System.Text;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

public sealed class UnionTests
{
    // SessionEventType in the reference (shared/reference/session-reference.md), in its order.
    private static readonly string[] ReferenceEventTypes =
    {
        "message_delta", "message_complete", "message_streaming", "tool_call", "tool_result", "thinking",
        "search_result", "approval_request", "reauth_request", "error", "participant_status",
        "session_created", "session_connected", "message_posted", "messages_posted", "pong",
    };

    // Our events: the reference's sixteen and the acknowledgement of an answer (response_accepted), in schema order.
    private static readonly string[] ProtocolEventTypes =
    {
        "message_delta", "message_complete", "message_streaming", "tool_call", "tool_result", "thinking",
        "search_result", "approval_request", "reauth_request", "error", "participant_status",
        "session_created", "session_connected", "message_posted", "messages_posted", "response_accepted", "pong",
    };

    // Client frames of protocol v1 (shared/design/protocol-v1.md), in its order.
    private static readonly string[] ClientFrameTypes =
    {
        "create_session", "connect_session", "post_message", "post_messages", "send_response",
        "terminate_session", "ping",
    };

    public static TheoryData<string, string, string, string, string[]> Unions() => new()
    {
        { "session-events.schema.json", "SessionEvent", "EventEnvelope", "Event", ProtocolEventTypes },
        { "client-frames.schema.json", "ClientFrame", "FrameEnvelope", "Frame", ClientFrameTypes },
    };

    [Theory]
    [MemberData(nameof(Unions))]
    public void Union_lists_every_type_once_in_order_with_matching_definition_names(
        string fileName, string unionName, string envelopeName, string suffix, string[] expectedTypes)
    {
        using var doc = SchemaFiles.Parse(fileName);
        var union = ProtocolUnion.TryRead(doc.RootElement);

        Assert.NotNull(union);
        Assert.Equal(unionName, union.UnionName);
        Assert.Equal(envelopeName, union.EnvelopeName);
        Assert.Equal(expectedTypes, union.Branches.Select(b => b.Type).ToArray());
        Assert.Equal(union.Branches.Count, union.Branches.Select(b => b.Type).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            expectedTypes.Select(t => Pascal(t) + suffix).ToArray(),
            union.Branches.Select(b => b.Definition).ToArray());
    }

    [Fact]
    public void Session_event_union_has_the_sixteen_reference_types_and_the_acknowledgement()
    {
        using var doc = SchemaFiles.Parse("session-events.schema.json");
        var union = ProtocolUnion.TryRead(doc.RootElement);

        Assert.NotNull(union);
        Assert.Equal(ReferenceEventTypes, union.Branches.Select(b => b.Type).Where(t => t != "response_accepted"));
        Assert.Equal(17, union.Branches.Count);
    }

    private static string Pascal(string snake)
    {
        var sb = new StringBuilder();
        foreach (var part in snake.Split('_'))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return sb.ToString();
    }
}
