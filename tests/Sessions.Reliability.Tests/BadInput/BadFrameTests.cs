using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Sessions.Reliability.Tests.Generators;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.BadInput;

/// <summary>
/// Must hold (2): at least 10,000 generated malformed, truncated, mutated, deeply nested and oversize frames, fed to the
/// decoder and through a live socket: never an exception out of the receive loop, every bad frame reported once, the
/// connection and the other subscribers go on. The same for the engine receiving bad client frames.
/// </summary>
public sealed class BadFrameTests
{
    private const int DecoderFrames = 20_000;
    private const int SocketFrames = 10_000;
    private const int AttachedFrames = 3_000;
    private const long MarkerSeq = 1_000_000_000_000;

    private readonly ITestOutputHelper _output;

    public BadFrameTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_decoder_reports_each_generated_bad_frame_once_and_never_throws()
    {
        var decoder = new FrameDecoder();
        var bad = 0;
        var decoded = 0;
        var tried = 0;
        var byDamage = new Dictionary<Damage, int>();

        // Sample shrinks any frame that makes Dispatch throw (or report twice) to the simplest one and prints it.
        BadFrames.Events.Where(f => !f.Binary).Sample(
            frame =>
            {
                var (evt, problem) = decoder.Decode(frame.Bytes);
                tried++;
                byDamage[frame.Damage] = byDamage.GetValueOrDefault(frame.Damage) + 1;
                if (problem is not null)
                {
                    bad++;
                    Assert.False(string.IsNullOrWhiteSpace(problem));
                }
                else
                {
                    decoded++;
                    Assert.NotNull(evt);
                }
            },
            iter: DecoderFrames,
            threads: 1);

        Figures.Report(_output, "2 bad frames", "frames tried on the decoder", tried);
        Figures.Report(_output, "2 bad frames", "decoder: reported as bad", bad);
        Figures.Report(_output, "2 bad frames", "decoder: still a valid event (mutation kept it well-formed)", decoded);
        foreach (var (damage, count) in byDamage.OrderBy(p => p.Key))
        {
            _output.WriteLine($"  {damage}: {count}");
        }

        Assert.Equal(DecoderFrames, tried);
        Assert.True(bad > DecoderFrames / 2, "most generated frames should be bad");
    }

    [Fact]
    public async Task Generated_bad_frames_through_a_live_socket_are_each_reported_once_and_the_connection_and_other_listeners_go_on()
    {
        // The frames, and what the receive loop must make of each (the decoder is the oracle, with the session's seq de-duplication).
        var decoder = new FrameDecoder();
        var frames = new List<Frame>();
        BadFrames.Events.Sample(f => frames.Add(f), iter: SocketFrames, threads: 1);
        var expected = new List<string>();
        var expectedDeltas = new List<string>();
        long lastSeq = 0;
        void Expect(SessionEvent evt)
        {
            if (evt.Seq is long seq)
            {
                if (seq <= lastSeq)
                {
                    return; // a replayed (already seen) seq is dropped by the session
                }

                lastSeq = seq;
            }

            expected.Add(Signature(evt));
            if (evt is MessageDeltaEvent)
            {
                expectedDeltas.Add(Signature(evt));
            }
        }

        expected.Add("MessagePosted|||r2"); // the acknowledgement of the "go" that starts the stream
        var wire = new List<(byte[] Bytes, bool Binary)>();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            wire.Add((frame.Bytes, frame.SentAsBinary));
            if (frame.SentAsBinary)
            {
                expected.Add("bad:a binary frame (the protocol sends JSON text frames)");
            }
            else if (decoder.Decode(frame.Bytes) is var (evt, problem) && problem is not null)
            {
                expected.Add("bad:" + problem);
            }
            else
            {
                Expect(evt!);
            }

            if (i % 10 == 9)
            {
                var marker = Delta(MarkerSeq + i);
                wire.Add((Encoding.UTF8.GetBytes(marker), false));
                Expect(decoder.Decode(Encoding.UTF8.GetBytes(marker)).Event!);
            }
        }

        var lastMarker = MarkerSeq + frames.Count - 1;
        var end = $$$"""{"type":"message_complete","session_id":"{{{FakePeer.SessionId}}}","seq":{{{long.MaxValue}}},"data":{"text":"end","status":"complete"}}""";
        wire.Add((Encoding.UTF8.GetBytes(end), false));
        expected.Add("MessageComplete|" + long.MaxValue + "||");

        await using var fake = await FakeEngine.StartAsync(async peer =>
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            await peer.HandshakeAsync(guard.Token);
            await peer.AcknowledgeNextPostAsync(guard.Token);
            foreach (var (bytes, binary) in wire)
            {
                await peer.SendAsync(bytes, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, guard.Token);
            }

            await peer.DrainUntilClosedAsync(guard.Token);
        });
        var logs = new CapturingLoggerFactory();
        var lost = logs.Count(Engines.ClientCategory, 3);
        using var client = Engines.Client(fake.BaseAddress, "key", o =>
        {
            o.LoggerFactory = logs;
            o.KeepAliveInterval = TimeSpan.Zero;
        });
        await using var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        var all = session.ListenAsync(maxQueue: 0);
        var deltas = session.ListenAsync<MessageDeltaEvent>();

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var readingDeltas = Task.Run(async () =>
        {
            var seen = new List<string>();
            await foreach (var delta in deltas.WithCancellation(guard.Token))
            {
                seen.Add(Signature(delta));
                if (delta.Seq == lastMarker)
                {
                    break;
                }
            }

            return seen;
        });
        await session.SendAsync("go", guard.Token);
        var received = new List<string>();
        await foreach (var evt in all.WithCancellation(guard.Token))
        {
            received.Add(evt is ErrorEvent { Data.Code: "bad_frame" } report ? "bad:" + report.Error!["bad frame from the engine: ".Length..] : Signature(evt));
            if (evt.Seq == long.MaxValue)
            {
                break;
            }
        }

        if (received.Count != expected.Count)
        {
            // The guard ended the listening (quietly, as cancelling does): say where the stream went wrong.
            var at = Enumerable.Range(0, Math.Min(expected.Count, received.Count)).FirstOrDefault(i => expected[i] != received[i], -1);
            _output.WriteLine($"{received.Count} of {expected.Count} received, drops {lost.Value}, first difference at {at}");
            if (at >= 0)
            {
                _output.WriteLine("expected " + expected[at] + "\nreceived " + received[at]);
            }
        }

        var otherListener = await readingDeltas;
        var reportedBad = received.Count(r => r.StartsWith("bad:", StringComparison.Ordinal));
        Figures.Report(_output, "2 bad frames", "frames tried through a live socket (client side)", frames.Count);
        Figures.Report(_output, "2 bad frames", "live: bad frames reported (once each)", reportedBad);
        Figures.Report(_output, "2 bad frames", "live: events delivered to the other listener", otherListener.Count);

        Assert.Equal(expected.Count(e => e.StartsWith("bad:", StringComparison.Ordinal)), reportedBad);
        Assert.Equal(expected, received);          // every bad frame reported once, in place; every good event delivered
        Assert.Equal(expectedDeltas, otherListener); // the other listener goes on, losing nothing
        Assert.Equal(0, lost.Value);                 // the connection never dropped
        Assert.Equal(SessionState.Connected, session.State);
    }

    [Fact]
    public Task The_engine_answers_each_generated_bad_client_frame_once_and_keeps_the_connection_and_other_sessions()
        => BadClientFramesAsync(BadFrames.ClientFrames, SocketFrames, attached: false);

    [Fact]
    public Task An_attached_connection_also_answers_each_generated_bad_client_frame_once()
        => BadClientFramesAsync(BadFrames.ClientFramesWhileAttached, AttachedFrames, attached: true);

    /// <summary>
    /// Sends generated client frames on a raw socket (attached to a session or not) and counts the answers: each frame
    /// gets exactly one answer without <c>seq</c> (an <c>error</c>, a <c>pong</c>, an acknowledgement), the socket stays
    /// open and usable, and another session's turn running meanwhile loses nothing.
    /// </summary>
    private async Task BadClientFramesAsync(Gen<Frame> generator, int count, bool attached)
    {
        var frames = new List<Frame>();
        generator.Sample(f => frames.Add(f), iter: count, threads: 1);
        var logs = new CapturingLoggerFactory();
        var receiveFailed = logs.Count(Engines.EngineCategory, 36);
        await using var engine = await Engines.StartAsync(o =>
        {
            o.LoggerFactory = logs;
            o.Agent = new QuietAgent(); // mutated posts that are still valid start turns: keep those short
        });

        // Another session streams a long turn meanwhile: it must not notice.
        using var client = Engines.Client(engine);
        await using var bystander = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var bystanderEvents = bystander.ListenAsync(maxQueue: 0);
        await bystander.SendAsync("count 2000", Within.Token());

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + engine.ApiKey);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await socket.ConnectAsync(engine.WebSocketAddress, guard.Token);
        if (attached)
        {
            await socket.SendAsync("""{"type":"create_session","request_id":"c1","data":{"agent_id":"agent-1"}}"""u8.ToArray(), WebSocketMessageType.Text, true, guard.Token);
            using var created = await ReceiveJsonAsync(socket, guard.Token);
            Assert.Equal("session_created", created!.RootElement.GetProperty("type").GetString());
        }

        var sending = Task.Run(async () =>
        {
            foreach (var frame in frames)
            {
                await socket.SendAsync(frame.Bytes, frame.SentAsBinary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, guard.Token);
            }

            await socket.SendAsync("""{"type":"ping","request_id":"final"}"""u8.ToArray(), WebSocketMessageType.Text, true, guard.Token);
        });

        var replies = 0;
        var errors = 0;
        var codes = new Dictionary<string, int>();
        while (true)
        {
            JsonDocument? reply;
            try
            {
                reply = await ReceiveJsonAsync(socket, guard.Token);
            }
            catch (WebSocketException)
            {
                reply = null;
            }

            if (reply is null)
            {
                _output.WriteLine($"closed after {replies} replies to {frames.Count} frames");
                foreach (var line in logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Take(20))
                {
                    _output.WriteLine(line.AllText);
                }
            }

            using var owned = reply;
            Assert.NotNull(reply); // the engine never closed the connection
            var root = reply!.RootElement;
            if (root.TryGetProperty("seq", out _))
            {
                continue; // an event of a turn that a (still valid) post started
            }

            replies++;
            var type = root.GetProperty("type").GetString();
            if (type == "error")
            {
                errors++;
                var code = root.GetProperty("data").GetProperty("code").GetString()!;
                codes[code] = codes.GetValueOrDefault(code) + 1;
            }

            if (type == "pong" && root.TryGetProperty("request_id", out var id) && id.GetString() == "final")
            {
                break;
            }
        }

        await sending;

        // The connection still works: it can (create a session and) run a turn.
        if (!attached)
        {
            await socket.SendAsync("""{"type":"create_session","request_id":"c1","data":{"agent_id":"agent-1"}}"""u8.ToArray(), WebSocketMessageType.Text, true, guard.Token);
        }

        await socket.SendAsync("""{"type":"post_message","request_id":"p1","data":{"message":{"content_type":"text","text":"still here"}}}"""u8.ToArray(), WebSocketMessageType.Text, true, guard.Token);
        string? lastReply = null;
        while (lastReply != "still here: ok")
        {
            using var frame = await ReceiveJsonAsync(socket, guard.Token);
            Assert.NotNull(frame);
            if (frame!.RootElement.GetProperty("type").GetString() == "message_complete")
            {
                lastReply = frame.RootElement.GetProperty("data").GetProperty("text").GetString();
            }
        }

        var bystanderSeen = new List<SessionEvent>();
        await foreach (var evt in bystanderEvents.WithCancellation(guard.Token))
        {
            bystanderSeen.Add(evt);
            if (evt.IsComplete)
            {
                break;
            }
        }

        var where = attached ? "engine (attached connection)" : "engine";
        Figures.Report(_output, "2 bad frames", "frames tried on the " + where, frames.Count);
        Figures.Report(_output, "2 bad frames", where + ": error replies", errors);
        _output.WriteLine("  codes: " + string.Join(", ", codes.OrderBy(c => c.Key).Select(c => c.Key + "=" + c.Value)));

        Assert.Equal(frames.Count + 1, replies); // exactly one answer per frame
        Assert.Equal(0, receiveFailed.Value);    // no exception out of the engine's receive loop
        Assert.Equal(
            engine.GetStoredEvents(bystander.SessionId!).Select(e => e.Seq),
            bystanderSeen.Where(e => e.Seq is not null).Select(e => e.Seq));
        Assert.Equal(SessionMessageStatus.Complete, Assert.IsType<MessageCompleteEvent>(bystanderSeen[^1]).Data.Status);
    }

    /// <summary>Runs "count N" turns as the scripted agent does; answers anything else at once ("still here: ok" to the probe).</summary>
    private sealed class QuietAgent : Sessions.Engine.IAgent
    {
        public Task RunTurnAsync(Sessions.Engine.AgentTurn turn, CancellationToken cancellationToken)
            => turn.Text.StartsWith("count ", StringComparison.Ordinal)
                ? new Sessions.Engine.ScriptedAgent().RunTurnAsync(turn, cancellationToken)
                : turn.CompleteAsync(turn.Messages.Any(m => m.Text == "still here") ? "still here: ok" : "ok", cancellationToken).AsTask();
    }

    [Fact]
    public async Task The_engines_malformed_and_unknown_frame_faults_mid_turn_are_reported_once_and_lose_nothing()
    {
        await using var engine = await Engines.StartAsync();
        using var client = Engines.Client(engine);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var listening = session.ListenAsync(maxQueue: 0);
        engine.Faults.ForSession(session.SessionId!).SendMalformedFrame().SendUnknownEvent("x_new").SendMalformedFrame();

        await session.SendAsync("count 50", Within.Token());
        var seen = new List<SessionEvent>();
        await foreach (var evt in listening.WithCancellation(Within.Token()))
        {
            seen.Add(evt);
            if (evt.IsComplete)
            {
                break;
            }
        }

        Figures.Report(_output, "2 bad frames", "engine faults: bad frames reported", seen.OfType<ErrorEvent>().Count(e => e.Data.Code == "bad_frame"));
        Assert.Equal(2, seen.OfType<ErrorEvent>().Count(e => e.Data.Code == "bad_frame"));
        Assert.Equal("x_new", Assert.Single(seen.OfType<UnknownSessionEvent>()).TypeName);
        Assert.Equal(engine.GetStoredEvents(session.SessionId!).Select(e => e.Seq), seen.Where(e => e.Seq is not null).Select(e => e.Seq));
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task A_text_frame_that_is_not_utf8_fails_the_socket_and_the_session_resumes_without_loss()
    {
        // RFC 6455 8.1: invalid UTF-8 in a text message fails the WebSocket itself (.NET closes with 1007) before the
        // runtime's decoder sees it. The session must treat it as a drop: reconnect, resume after the last seq, lose nothing.
        await using var fake = await FakeEngine.StartAsync(async peer =>
        {
            using var guard = new CancellationTokenSource(Within.Limit);
            var lastSeq = await peer.HandshakeAsync(guard.Token);
            if (peer.Attempt == 1)
            {
                await peer.AcknowledgeNextPostAsync(guard.Token);
                await peer.SendAsync(Delta(1), guard.Token);
                await peer.SendAsync(new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' }, WebSocketMessageType.Text, guard.Token);
                await peer.DrainUntilClosedAsync(guard.Token);
                return;
            }

            Assert.Equal(1, lastSeq);
            await peer.SendAsync(Delta(2), guard.Token);
            await peer.SendAsync($$$"""{"type":"message_complete","session_id":"{{{FakePeer.SessionId}}}","seq":3,"data":{"text":"1 2","status":"complete"}}""", guard.Token);
            await peer.DrainUntilClosedAsync(guard.Token);
        });
        var logs = new CapturingLoggerFactory();
        var reconnected = logs.Count(Engines.ClientCategory, 4);
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
            if (evt.IsComplete)
            {
                break;
            }
        }

        Figures.Report(_output, "2 bad frames", "reconnections caused by a text frame that is not UTF-8", reconnected.Value);
        Assert.Equal(new long?[] { 1, 2, 3 }, seen.Where(e => e.Seq is not null).Select(e => e.Seq));
        Assert.Equal(
            new[] { SessionEventType.MessagePosted, SessionEventType.MessageDelta, SessionEventType.SessionConnected, SessionEventType.MessageDelta, SessionEventType.MessageComplete },
            seen.Select(e => e.Type));
        Assert.Equal(1, reconnected.Value);
    }

    [Fact]
    public async Task A_bad_frame_during_Agent_RunAsync_does_not_fail_the_turn()
    {
        Sessions.Engine.LocalEngine? engine = null;

        // The agent arms the faults once the turn runs, so they arrive while RunAsync listens.
        var agent = new ArmingAgent(turn => engine!.Faults.ForSession(turn.SessionId).SendMalformedFrame().SendUnknownEvent());
        await using (engine = await Engines.StartAsync(o => o.Agent = agent))
        {
            using var client = Engines.Client(engine);
            var result = await client.Agent("agent-1").RunAsync("count 5", new RunOptions(), Within.Token());

            Figures.Report(_output, "2 bad frames", "RunAsync turns completed despite a bad frame mid-turn", 1);
            Assert.Equal(SessionMessageStatus.Complete, result.Status);
            Assert.Equal("1 2 3 4 5", result.FinalMessage);
            Assert.Contains(result.Events, e => e is UnknownSessionEvent);
        }
    }

    private sealed class ArmingAgent(Action<Sessions.Engine.AgentTurn> arm) : Sessions.Engine.IAgent
    {
        public Task RunTurnAsync(Sessions.Engine.AgentTurn turn, CancellationToken cancellationToken)
        {
            arm(turn);
            return new Sessions.Engine.ScriptedAgent().RunTurnAsync(turn, cancellationToken);
        }
    }

    private static string Delta(long seq)
        => $$$"""{"type":"message_delta","session_id":"{{{FakePeer.SessionId}}}","message_id":"m1","seq":{{{seq}}},"data":{"delta":"{{{seq}}}"}}""";

    private static string Signature(SessionEvent evt)
        => evt.Type + "|" + evt.Seq + "|" + (evt as UnknownSessionEvent)?.TypeName + "|" + evt.RequestId;

    private static async Task<JsonDocument?> ReceiveJsonAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.WrittenMemory);
            }
        }
    }
}
