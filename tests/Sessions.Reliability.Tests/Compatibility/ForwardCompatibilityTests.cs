using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Sessions.Reliability.Tests.Generators;
using Sessions.Reliability.Tests.Infrastructure;
using Sessions.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Compatibility;

/// <summary>
/// Must hold (8): events and enum values the client has never seen, extra properties, reordered properties: all
/// delivered, nothing thrown.
/// </summary>
public sealed class ForwardCompatibilityTests
{
    private const int DecoderFrames = 10_000;
    private const int SocketFrames = 3_000;

    private readonly ITestOutputHelper _output;

    public ForwardCompatibilityTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Frames_from_a_newer_schema_decode_to_what_this_version_knows_of_them()
    {
        var decoder = new FrameDecoder();
        var byChange = new Dictionary<Change, int>();
        FutureFrames.Frames.Sample(
            frame =>
            {
                var (evt, problem) = decoder.Decode(Encoding.UTF8.GetBytes(frame.Json));
                Assert.Null(problem);
                Check(frame, evt!, decoder);
                byChange[frame.Change] = byChange.GetValueOrDefault(frame.Change) + 1;
            },
            iter: DecoderFrames,
            threads: 1);

        Figures.Report(_output, "8 forward compatibility", "frames from a newer schema decoded", byChange.Values.Sum());
        foreach (var (change, count) in byChange.OrderBy(p => p.Key))
        {
            Figures.Report(_output, "8 forward compatibility", "  " + change, count);
        }

        Assert.Equal(DecoderFrames, byChange.Values.Sum());
    }

    [Fact]
    public async Task Frames_from_a_newer_schema_are_all_delivered_through_a_live_socket()
    {
        var frames = new List<FutureFrame>();
        FutureFrames.Frames.Sample(f => frames.Add(f), iter: SocketFrames, threads: 1);

        // On the wire each frame gets the next seq when it has one, so the session delivers every one.
        var wire = frames.Select((f, i) =>
        {
            var node = JsonNode.Parse(f.Json)!.AsObject();
            if (node.ContainsKey("seq"))
            {
                node["seq"] = i + 1;
            }

            return node.ToJsonString();
        }).ToList();
        const long EndSeq = long.MaxValue;
        await using var fake = await FakeEngine.StartAsync(async peer =>
        {
            using var guard = new CancellationTokenSource(Within.Limit);
            await peer.HandshakeAsync(guard.Token);
            await peer.AcknowledgeNextPostAsync(guard.Token);
            foreach (var json in wire)
            {
                await peer.SendAsync(json, guard.Token);
            }

            await peer.SendAsync($$$"""{"type":"message_complete","session_id":"{{{FakePeer.SessionId}}}","seq":{{{EndSeq}}},"data":{"text":"end","status":"complete"},"x_future":[1]}""", guard.Token);
            await peer.DrainUntilClosedAsync(guard.Token);
        });
        var logs = new CapturingLoggerFactory();
        var badFrames = logs.Count(Engines.ClientCategory, 7);
        var lost = logs.Count(Engines.ClientCategory, 3);
        using var client = Engines.Client(fake.BaseAddress, "key", o =>
        {
            o.LoggerFactory = logs;
            o.KeepAliveInterval = TimeSpan.Zero;
        });
        await using var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        var events = session.ListenAsync(maxQueue: 0);
        await session.SendAsync("go", Within.Token());
        var seen = new List<SessionEvent>();
        await foreach (var evt in events.WithCancellation(Within.Token()))
        {
            seen.Add(evt);
            if (evt.Seq == EndSeq)
            {
                break;
            }
        }

        var delivered = seen.Skip(1).SkipLast(1).ToList(); // without the acknowledgement and the end
        Figures.Report(_output, "8 forward compatibility", "frames from a newer schema sent through a live socket", frames.Count);
        Figures.Report(_output, "8 forward compatibility", "delivered", delivered.Count);
        Figures.Report(_output, "8 forward compatibility", "  of which events of a kind this client does not know", delivered.OfType<UnknownSessionEvent>().Count());

        Assert.Equal(0, badFrames.Value);
        Assert.Equal(0, lost.Value);
        Assert.Equal(frames.Count, delivered.Count);
        var decoder = new FrameDecoder();
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(frames[i].NewName ?? string.Empty, (delivered[i] as UnknownSessionEvent)?.TypeName ?? frames[i].NewName ?? string.Empty);
            Check(frames[i] with { Json = wire[i] }, delivered[i], decoder);
        }

        Assert.IsType<MessageCompleteEvent>(seen[^1]);
    }

    /// <summary>What the client must have made of one frame from a newer engine.</summary>
    private static void Check(FutureFrame frame, SessionEvent evt, FrameDecoder decoder)
    {
        switch (frame.Change)
        {
            case Change.UnknownEventType:
                var unknown = Assert.IsType<UnknownSessionEvent>(evt);
                Assert.Equal(frame.NewName, unknown.TypeName);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(frame.Json), JsonNode.Parse(unknown.RawJson.GetRawText())), "the unknown event keeps its whole JSON");
                break;

            case Change.UnknownEnumValue:
                var original = decoder.Decode(Encoding.UTF8.GetBytes(frame.Original)).Event!;
                Assert.Equal(original.GetType(), evt.GetType());
                var status = evt switch
                {
                    MessageCompleteEvent e => (object)e.Data.Status,
                    MessageStreamingEvent e => e.Data.Status,
                    ParticipantStatusEvent e => e.Data.Status,
                    ToolCallEvent e => e.Data.Status,
                    _ => throw new InvalidOperationException(evt.GetType().Name),
                };
                Assert.Equal("Unknown", status.ToString());
                break;

            default:
                // Extra and reordered properties change nothing this version reads, and the extra ones are kept and
                // written back (a relay loses nothing): the JSON written means what the newer engine sent.
                var known = decoder.Decode(Encoding.UTF8.GetBytes(frame.Original)).Event! with { Seq = evt.Seq };
                Assert.Equal(known.GetType(), evt.GetType());
                Assert.True(
                    JsonNode.DeepEquals(JsonNode.Parse(frame.Json), JsonNode.Parse(Write(evt))),
                    "the frame is written back whole, unknown properties included: " + frame.Json + " -> " + Write(evt));
                break;
        }
    }

    private static string Write(SessionEvent evt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SessionEventJsonConverter.WriteValue(writer, evt);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
