using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;
using Sessions.Serialization;

namespace Sessions.Engine.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task A_drop_mid_turn_then_resume_with_last_seq_loses_nothing_and_repeats_nothing()
    {
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.Zero);
        var (first, created) = await TestClient.CreateSessionAsync(engine);
        var sessionId = created.Data.SessionId;

        // The turn streams 40 deltas 5 ms apart; the socket dies after the ack, message_streaming and 4 deltas.
        engine.Faults.DropAfterEvents(sessionId, 6);
        await first.SendAsync(Frames.Post("p", "delay 5 count 40"));
        var beforeDrop = (await first.ReceiveUntilAbortedAsync()).Select(Parse).ToList();
        await first.DisposeAsync();
        Assert.Equal(6, beforeDrop.Count);
        Assert.IsType<MessagePostedEvent>(beforeDrop[0]);
        var lastSeen = beforeDrop.Max(e => e.Seq ?? 0);

        await using var second = await TestClient.ConnectAsync(engine);
        await second.SendAsync(Frames.Connect("c", sessionId, lastSeen));
        await second.NextAsync<SessionConnectedEvent>();
        var afterResume = await second.UntilAsync<MessageCompleteEvent>();

        var conversation = beforeDrop.Where(e => e.Seq is not null).Concat(afterResume).ToList();
        var seqs = TestClient.Seqs(conversation);
        Assert.Equal(conversation.Count, seqs.Length);
        Assert.True(seqs.Zip(seqs.Skip(1)).All(pair => pair.First < pair.Second), "no event twice, none out of order");
        Assert.Equal(Enumerable.Range(1, 40).Select(n => n == 1 ? "1" : " " + n), conversation.OfType<MessageDeltaEvent>().Select(d => d.Data.Delta));
        Assert.Equal(Wire.Of(engine.GetStoredEvents(sessionId)), Wire.Of(conversation));
    }

    [Fact]
    public async Task A_drop_for_the_next_connection_aborts_it_after_n_events_without_a_close_handshake()
    {
        await using var engine = await TestEngine.StartAsync();
        engine.Faults.ForNextConnection().DropAfterEvents(1);
        await using var client = await TestClient.ConnectAsync(engine);
        await client.SendAsync(Frames.Create("c"));

        var frames = await client.ReceiveUntilAbortedAsync();
        Assert.IsType<SessionCreatedEvent>(Parse(Assert.Single(frames)));
        Assert.Null(client.Socket.CloseStatus);

        // Only that connection: the next one works.
        var (other, _) = await TestClient.CreateSessionAsync(engine);
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_malformed_frame_comes_before_the_next_event()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        engine.Faults.ForSession(created.Data.SessionId).SendMalformedFrame();
        await client.SendAsync(Frames.Ping("p"));
        var malformed = await client.ReceiveTextAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformed));
        Assert.Equal("p", Assert.IsType<PongEvent>(await client.ReceiveAsync()).RequestId);
    }

    [Fact]
    public async Task An_unknown_event_type_comes_before_the_next_event()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        engine.Faults.ForSession(created.Data.SessionId).SendUnknownEvent("future_event");
        await client.SendAsync(Frames.Ping("p"));
        var unknown = Assert.IsType<UnknownSessionEvent>(await client.ReceiveAsync());
        Assert.Equal("future_event", unknown.TypeName);
        Assert.Equal(created.Data.SessionId, unknown.SessionId);
        Assert.Null(unknown.Seq);
        Assert.IsType<PongEvent>(await client.ReceiveAsync());
    }

    [Fact]
    public async Task An_oversize_frame_has_the_requested_size_and_defaults_to_one_byte_over_the_limit()
    {
        await using var engine = await TestEngine.StartAsync(o => o.MaxFrameBytes = 2048);
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        engine.Faults.ForSession(created.Data.SessionId).SendOversizeFrame(10_000).SendOversizeFrame();
        await client.SendAsync(Frames.Ping("p"));
        var sized = await client.ReceiveTextAsync();
        var byDefault = await client.ReceiveTextAsync();
        Assert.Equal(10_000, Encoding.UTF8.GetByteCount(sized));
        Assert.Equal(2049, Encoding.UTF8.GetByteCount(byDefault));
        Assert.IsType<UnknownSessionEvent>(Parse(sized));
        Assert.IsType<PongEvent>(await client.ReceiveAsync());
    }

    [Fact]
    public async Task A_stalled_connection_receives_nothing_until_released_then_everything_in_order()
    {
        await using var engine = await TestEngine.StartAsync(o => o.FoldWindow = TimeSpan.Zero);
        var (observer, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = observer;

        var stall = engine.Faults.ForNextConnection().Stall();
        await using var stalled = await TestClient.ConnectAsync(engine);
        await stalled.SendAsync(Frames.Connect("c", created.Data.SessionId));
        var firstFrame = stalled.ReceiveAsync();

        // Once the writer holds its first frame back, nothing can reach the stalled client until the release.
        await stall.Holding.WaitAsync(Deadline.Default);
        await observer.SendAsync(Frames.Post("p", "count 5"));
        var turn = await observer.UntilAsync<MessageCompleteEvent>();
        Assert.False(firstFrame.IsCompleted, "a frame reached the stalled connection before the release");

        stall.Dispose();
        Assert.IsType<SessionConnectedEvent>(await firstFrame);
        var delivered = await stalled.UntilAsync<MessageCompleteEvent>();
        Assert.Equal(Wire.Of(turn.Where(e => e.Seq is not null)), Wire.Of(delivered));
    }

    [Fact]
    public async Task Clear_disarms_faults_nobody_claimed()
    {
        await using var engine = await TestEngine.StartAsync();
        engine.Faults.ForNextConnection().DropAfterEvents(0).SendMalformedFrame();
        engine.Faults.Clear();

        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        Assert.Empty(await client.DrainAsync());
    }

    private static SessionEvent Parse(string frame)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(frame));
        reader.Read();
        return SessionEventJsonConverter.ReadValue(ref reader);
    }
}
