using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NJsonSchema;
using Sessions.Serialization;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>
/// The generated code against the golden frames: each decodes to its expected subclass and encodes back to
/// equal JSON, and what the generated code writes is valid for the schema (NJsonSchema as the judge).
/// </summary>
public sealed class GeneratedRoundTripTests
{
    // Frames whose round trip is lossy by design: none. Members the schema does not declare are kept on read (the
    // records' AdditionalProperties) and written back, so even the frames with unknown properties come back whole.
    private static readonly Dictionary<string, string[]> DroppedByDesign = new();

    public static TheoryData<string> GoldenFiles() => GoldenFileTests.GoldenFiles();

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_file_decodes_to_the_expected_subclass(string relativePath)
    {
        var expectation = Expectation.Load()[relativePath];
        var decoded = GeneratedCodec.Decode(expectation.Schema, expectation.ExpectedType, File.ReadAllBytes(RepoPaths.Golden(relativePath)));
        Assert.Equal(expectation.ExpectedType, decoded.GetType().Name);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_file_encodes_back_to_equal_json(string relativePath)
    {
        var expectation = Expectation.Load()[relativePath];
        var original = File.ReadAllBytes(RepoPaths.Golden(relativePath));
        var decoded = GeneratedCodec.Decode(expectation.Schema, expectation.ExpectedType, original);

        if (expectation.ExpectedError == "NotInEnumeration")
        {
            // An unknown enum value decodes to the explicit Unknown member, whose wire string is not kept:
            // writing it back must fail loudly, naming the enum, rather than invent a value.
            var error = Assert.Throws<JsonException>(() => GeneratedCodec.Encode(decoded));
            Assert.Contains("Unknown", error.Message);
            return;
        }

        var expected = JsonMeaning.Normalize(JsonNode.Parse(original)!);
        var actual = JsonMeaning.Normalize(JsonNode.Parse(GeneratedCodec.Encode(decoded))!);
        var dropped = RemoveAbsent(expected, actual, "$");
        Assert.Equal(
            DroppedByDesign.TryGetValue(relativePath, out var lossy) ? lossy : System.Array.Empty<string>(),
            dropped.OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Round trip changed {relativePath}:\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public async Task What_the_generated_code_writes_is_valid_for_the_schema(string relativePath)
    {
        var expectation = Expectation.Load()[relativePath];
        if (!expectation.Valid)
        {
            return; // invalid input stays invalid; the two lossy cases are asserted above
        }

        var decoded = GeneratedCodec.Decode(expectation.Schema, expectation.ExpectedType, File.ReadAllBytes(RepoPaths.Golden(relativePath)));
        var written = Encoding.UTF8.GetString(GeneratedCodec.Encode(decoded));
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Schema(expectation.Schema));
        var definition = schema.Definitions.TryGetValue(expectation.ExpectedType, out var named) ? named : schema;
        var errors = SchemaFiles.Leaves(definition.Validate(written));
        Assert.True(errors.Count == 0, $"{relativePath} as written by the generated code: {SchemaFiles.Describe(errors)}\n{written}");
    }

    [Fact]
    public void The_unknown_event_keeps_its_type_string_and_raw_json()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Golden("events/tricky-unknown-type.json"));
        var unknown = Assert.IsType<UnknownSessionEvent>(GeneratedCodec.Decode("session-events.schema.json", nameof(UnknownSessionEvent), bytes));

        Assert.Equal("assistant.reasoning_delta", unknown.TypeName);
        Assert.Equal(SessionEventType.Unknown, unknown.Type);
        Assert.Equal("65f1c0a93b7e4d2a8c19e0f4", unknown.SessionId);
        Assert.Equal(46, unknown.Seq);
        Assert.Equal("Checking the 14 June fares first", unknown.RawJson.GetProperty("data").GetProperty("delta").GetString());
    }

    [Fact]
    public void The_discriminator_is_found_wherever_it_stands()
    {
        var last = Encoding.UTF8.GetBytes("""{"session_id":"s","data":{"delta":"hi"},"seq":3,"type":"message_delta"}""");
        var delta = Assert.IsType<MessageDeltaEvent>(GeneratedCodec.Decode("session-events.schema.json", "", last));
        Assert.Equal("hi", delta.Data.Delta);
        Assert.Equal(3, delta.Seq);
    }

    [Fact]
    public void Escaped_member_names_and_values_find_their_members()
    {
        // The converters find a member by its name's length and bytes; an escaped name is unescaped first.
        var escaped = Encoding.UTF8.GetBytes("""{"type":"message\u005fdelta","\u0073ession_id":"s","data":{"d\u0065lta":"hi"},"se\u0071":3,"sea":1}""");
        var delta = Assert.IsType<MessageDeltaEvent>(GeneratedCodec.Decode("session-events.schema.json", "", escaped));
        Assert.Equal("s", delta.SessionId);
        Assert.Equal("hi", delta.Data.Delta);
        Assert.Equal(3, delta.Seq);

        // A name of a known member's length that is not that member is an undeclared member, kept as received.
        var extra = Assert.Single(delta.AdditionalProperties!);
        Assert.Equal("sea", extra.Key);
        Assert.Equal(1, extra.Value.GetInt32());
    }

    [Fact]
    public void A_member_name_split_across_buffer_segments_finds_its_member()
    {
        var json = Encoding.UTF8.GetBytes("""{"type":"message_delta","session_id":"s","data":{"delta":"hi"},"seq":3}""");
        var split = Array.IndexOf(json, (byte)'q');
        var first = new Segment(json.AsMemory(0, split));
        var last = first.Append(json.AsMemory(split));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();

        var delta = Assert.IsType<MessageDeltaEvent>(SessionEventJsonConverter.ReadValue(ref reader));
        Assert.Equal(3, delta.Seq);
        Assert.Null(delta.AdditionalProperties);
    }

    [Fact]
    public void Untyped_values_are_written_as_valid_json_whatever_their_document_allowed()
    {
        // Scalars are written as their own bytes; an object or array is written anew, without the comments and
        // trailing commas its document skipped.
        var lenient = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var container = JsonDocument.Parse("""{ "a": 1, /* note */ "b": [1, 2,], }""", lenient);
        using var scalar = JsonDocument.Parse("\"caf\\u00e9 <b>\"");
        var frame = new CreateSessionFrame
        {
            RequestId = "r",
            Data = new CreateSessionFrameData
            {
                AgentId = "a",
                Metadata = new Dictionary<string, JsonElement> { ["container"] = container.RootElement, ["scalar"] = scalar.RootElement },
            },
        };

        var written = Encoding.UTF8.GetString(GeneratedCodec.Encode(frame));

        using var back = JsonDocument.Parse(written);
        var metadata = back.RootElement.GetProperty("data").GetProperty("metadata");
        Assert.Equal("""{"a":1,"b":[1,2]}""", metadata.GetProperty("container").GetRawText());
        Assert.Equal("café <b>", metadata.GetProperty("scalar").GetString());
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }

    [Theory]
    [InlineData("""{"session_id":"s","data":{"delta":"hi"}}""", "lacks its required property 'type'")]
    [InlineData("""{"type":7,"session_id":"s"}""", "expected a string but found the number 7")]
    [InlineData("""{"type":"message_delta","session_id":"s","data":{}}""", "MessageDeltaEventData lacks its required property 'delta'")]
    [InlineData("""{"type":"message_delta","session_id":"s","data":{"delta":1}}""", "MessageDeltaEventData.delta: expected a string")]
    [InlineData("""{"type":"message_delta","session_id":"s","seq":"x","data":{"delta":"a"}}""", "MessageDeltaEvent.seq: expected a 64-bit integer")]
    [InlineData("""["type"]""", "Cannot read SessionEvent: expected an object but found an array")]
    public void A_bad_frame_fails_with_a_message_naming_what_is_wrong(string json, string expectedMessage)
    {
        var error = Assert.Throws<JsonException>(() => GeneratedCodec.Decode("session-events.schema.json", "", Encoding.UTF8.GetBytes(json)));
        Assert.Contains(expectedMessage, error.Message);
    }

    [Fact]
    public void Every_kind_reaches_its_own_visitor_method_and_pattern_match()
    {
        var kinds = Expectation.Load()
            .Where(e => e.Key.StartsWith("events/", System.StringComparison.Ordinal))
            .Select(e => (SessionEvent)GeneratedCodec.Decode(e.Value.Schema, e.Value.ExpectedType, File.ReadAllBytes(RepoPaths.Golden(e.Key))))
            .ToList();

        foreach (var evt in kinds)
        {
            var visited = evt.Accept(new TypeNameVisitor());
            var matched = evt switch
            {
                MessageDeltaEvent d => "delta:" + d.Data.Delta.Length,
                UnknownSessionEvent u => "unknown:" + u.TypeName,
                _ => evt.GetType().Name,
            };
            Assert.Equal(evt.GetType().Name, visited);
            Assert.False(string.IsNullOrEmpty(matched));
        }

        Assert.Equal(18, kinds.Select(k => k.Type).Distinct().Count()); // 16 reference kinds, response_accepted and Unknown
    }

    /// <summary>Removes from <paramref name="expected"/> every object property that <paramref name="actual"/> lacks; returns their paths.</summary>
    private static List<string> RemoveAbsent(JsonNode expected, JsonNode actual, string path)
    {
        var removed = new List<string>();
        if (expected is JsonArray expectedArray && actual is JsonArray actualArray && expectedArray.Count == actualArray.Count)
        {
            for (var i = 0; i < expectedArray.Count; i++)
            {
                if (expectedArray[i] is { } e && actualArray[i] is { } a)
                {
                    removed.AddRange(RemoveAbsent(e, a, path + "[" + i + "]"));
                }
            }
        }

        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach (var name in expectedObject.Select(p => p.Key).ToList())
            {
                if (!actualObject.ContainsKey(name))
                {
                    expectedObject.Remove(name);
                    removed.Add(path + "." + name);
                }
                else
                {
                    removed.AddRange(RemoveAbsent(expectedObject[name]!, actualObject[name]!, path + "." + name));
                }
            }
        }

        return removed;
    }

    /// <summary>A visitor that names the record it visits: the compiler makes it handle every kind.</summary>
    private sealed class TypeNameVisitor : ISessionEventVisitor<string>
    {
        public string Visit(MessageDeltaEvent value) => nameof(MessageDeltaEvent);
        public string Visit(MessageCompleteEvent value) => nameof(MessageCompleteEvent);
        public string Visit(MessageStreamingEvent value) => nameof(MessageStreamingEvent);
        public string Visit(ToolCallEvent value) => nameof(ToolCallEvent);
        public string Visit(ToolResultEvent value) => nameof(ToolResultEvent);
        public string Visit(ThinkingEvent value) => nameof(ThinkingEvent);
        public string Visit(SearchResultEvent value) => nameof(SearchResultEvent);
        public string Visit(ApprovalRequestEvent value) => nameof(ApprovalRequestEvent);
        public string Visit(ReauthRequestEvent value) => nameof(ReauthRequestEvent);
        public string Visit(ErrorEvent value) => nameof(ErrorEvent);
        public string Visit(ParticipantStatusEvent value) => nameof(ParticipantStatusEvent);
        public string Visit(SessionCreatedEvent value) => nameof(SessionCreatedEvent);
        public string Visit(SessionConnectedEvent value) => nameof(SessionConnectedEvent);
        public string Visit(MessagePostedEvent value) => nameof(MessagePostedEvent);
        public string Visit(MessagesPostedEvent value) => nameof(MessagesPostedEvent);
        public string Visit(ResponseAcceptedEvent value) => nameof(ResponseAcceptedEvent);
        public string Visit(PongEvent value) => nameof(PongEvent);
        public string Visit(UnknownSessionEvent value) => nameof(UnknownSessionEvent);
    }
}
