using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Security;

/// <summary>Must hold (7), limits: the frame size and the JSON depth limits are enforced on both sides, and an enforced limit costs nothing else.</summary>
public sealed class LimitTests
{
    private const int ClientLimit = 64 * 1024;
    private const int EngineLimit = 64 * 1024;

    private readonly ITestOutputHelper _output;

    public LimitTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_frame_over_the_clients_limit_is_refused_with_1009_reported_once_and_the_turn_loses_nothing()
    {
        LocalEngine? engine = null;
        var logs = new CapturingLoggerFactory();
        var reconnected = logs.Count(Engines.ClientCategory, 4);

        // Mid-turn, the engine sends a frame of exactly the client's limit (fine), then one a byte over (refused).
        var agent = new ArmingAgent(turn => engine!.Faults.ForSession(turn.SessionId).SendOversizeFrame(ClientLimit).SendOversizeFrame(ClientLimit + 1));
        await using (engine = await Engines.StartAsync(o => o.Agent = agent))
        {
            using var client = Engines.Client(engine, o =>
            {
                o.MaxFrameBytes = ClientLimit;
                o.LoggerFactory = logs;
            });
            await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            var events = session.ListenAsync(maxQueue: 0);
            await session.SendAsync("count 50", Within.Token());
            var seen = await UntilCompleteAsync(events);

            var reports = seen.OfType<ErrorEvent>().Where(e => e.Data.Code == "bad_frame").ToList();
            Figures.Report(_output, "7 limits", "client: frames over its limit refused (1009) and reported", reports.Count);
            Figures.Report(_output, "7 limits", "client: reconnections it cost", reconnected.Value);

            var atLimit = Assert.Single(seen.OfType<UnknownSessionEvent>());
            Assert.Equal("engine_fault_oversize", atLimit.TypeName);
            Assert.Contains("1009", Assert.Single(reports).Error, StringComparison.Ordinal);
            Assert.Equal(1, reconnected.Value);
            Assert.Equal(engine.GetStoredEvents(session.SessionId!).Select(e => e.Seq), seen.Where(e => e.Seq is not null).Select(e => e.Seq));
            Assert.Equal("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50", seen[^1].Text);
        }
    }

    [Fact]
    public async Task A_stored_event_over_the_clients_limit_does_not_make_it_reconnect_forever()
    {
        // The event is stored, so every resume replays it and the new connection is refused again at once.
        var logs = new CapturingLoggerFactory();
        var reconnected = logs.Count(Engines.ClientCategory, 4);
        var agent = new ArmingAgent(_ => { }, new string('x', ClientLimit * 2));
        await using var engine = await Engines.StartAsync(o => o.Agent = agent);
        using var client = Engines.Client(engine, o =>
        {
            o.MaxFrameBytes = ClientLimit;
            o.LoggerFactory = logs;
            o.ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 1000 };
        });
        var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var events = session.ListenAsync(maxQueue: 0);
        await session.SendAsync("a reply too big to receive", Within.Token());

        var reports = 0;
        var ended = await Assert.ThrowsAsync<SessionDisconnectedException>(async () =>
        {
            await foreach (var evt in events.WithCancellation(Within.Token()))
            {
                if (evt is ErrorEvent { Data.Code: "bad_frame" })
                {
                    reports++;
                }
            }
        });
        await SessionInternals.ReconnectLoop(session).WaitAsync(Within.Limit);
        var state = session.State;
        await session.DisposeAsync();

        Figures.Report(_output, "7 limits", "reconnections before giving up on a stored event over the limit (policy allowed 1,000 per drop)", reconnected.Value);
        Assert.InRange(reconnected.Value, 1, 5);
        Assert.Equal(reconnected.Value + 1, reports);
        Assert.Equal(SessionState.Disconnected, state);
        Assert.Contains("1009", ended.Message + ended.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_refuses_a_client_frame_over_its_limit_with_1009_and_takes_one_at_the_limit()
    {
        await using var engine = await Engines.StartAsync(o => o.MaxFrameBytes = EngineLimit);

        using var socket = await OpenRawAsync(engine);
        await socket.SendAsync(Padded("""{"type":"ping","request_id":"at-limit"}""", EngineLimit), WebSocketMessageType.Text, true, Within.Token());
        using (var pong = await ReceiveJsonAsync(socket))
        {
            Assert.Equal("pong", pong!.RootElement.GetProperty("type").GetString());
        }

        await socket.SendAsync(Padded("""{"type":"ping","request_id":"over"}""", EngineLimit + 1), WebSocketMessageType.Text, true, Within.Token());
        Assert.Null(await ReceiveJsonAsync(socket));

        Figures.Report(_output, "7 limits", "engine: close status for a frame 1 byte over its limit", (int)socket.CloseStatus!.Value);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task A_message_over_the_engines_limit_fails_that_send_and_the_session_goes_on()
    {
        var logs = new CapturingLoggerFactory();
        var reconnected = logs.Count(Engines.ClientCategory, 4);
        await using var engine = await Engines.StartAsync(o => o.MaxFrameBytes = EngineLimit);
        using var client = Engines.Client(engine, o => o.LoggerFactory = logs);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        var refused = await Assert.ThrowsAnyAsync<SessionException>(() => session.SendAsync(new string('y', EngineLimit), Within.Token()));
        await reconnected.WaitForAsync(1, Within.Token());
        var events = session.ListenAsync(maxQueue: 0);
        await session.SendAsync("small enough", Within.Token());
        var seen = await UntilCompleteAsync(events);

        _output.WriteLine("the oversize send failed with: " + refused.Message);
        Figures.Report(_output, "7 limits", "reconnections after a send over the engine's limit", reconnected.Value);
        Assert.Equal("You said: small enough.", seen[^1].Text);
    }

    [Fact]
    public async Task The_client_takes_json_64_deep_and_reports_65_deep_as_a_bad_frame_without_dropping()
    {
        var decoder = new FrameDecoder();
        var deep64 = ToolResult(seq: 1, depth: 64);
        var deep65 = ToolResult(seq: 2, depth: 65);
        Assert.NotNull(decoder.Decode(Encoding.UTF8.GetBytes(deep64)).Event);
        Assert.NotNull(decoder.Decode(Encoding.UTF8.GetBytes(deep65)).Problem);

        await using var fake = await FakeEngine.StartAsync(async peer =>
        {
            using var guard = new CancellationTokenSource(Within.Limit);
            await peer.HandshakeAsync(guard.Token);
            await peer.AcknowledgeNextPostAsync(guard.Token);
            await peer.SendAsync(deep64, guard.Token);
            await peer.SendAsync(deep65, guard.Token);
            await peer.SendAsync($$$"""{"type":"message_complete","session_id":"{{{FakePeer.SessionId}}}","seq":3,"data":{"text":"done","status":"complete"}}""", guard.Token);
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
        var events = session.ListenAsync(maxQueue: 0);
        await session.SendAsync("go", Within.Token());
        var seen = await UntilCompleteAsync(events);

        Figures.Report(_output, "7 limits", "client: deepest JSON taken", 64);
        Assert.IsType<ToolResultEvent>(seen[1]);
        Assert.Contains("depth", Assert.IsType<ErrorEvent>(seen[2]).Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, lost.Value);
    }

    [Fact]
    public async Task The_engine_takes_json_64_deep_and_refuses_65_deep_without_dropping()
    {
        await using var engine = await Engines.StartAsync();
        using var socket = await OpenRawAsync(engine);

        await socket.SendAsync(Encoding.UTF8.GetBytes(CreateWithMetadata("deep65", 65)), WebSocketMessageType.Text, true, Within.Token());
        using var refused = await ReceiveJsonAsync(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes(CreateWithMetadata("deep64", 64)), WebSocketMessageType.Text, true, Within.Token());
        using var created = await ReceiveJsonAsync(socket);

        Figures.Report(_output, "7 limits", "engine: deepest JSON taken", 64);
        Assert.Equal("error", refused!.RootElement.GetProperty("type").GetString());
        Assert.Equal("invalid_json", refused.RootElement.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("session_created", created!.RootElement.GetProperty("type").GetString());
        Assert.Equal("deep64", created.RootElement.GetProperty("request_id").GetString());
    }

    /// <summary>A tool_result whose JSON nests <paramref name="depth"/> levels (the event is level 1, data 2, result 3...).</summary>
    private static string ToolResult(long seq, int depth)
    {
        var arrays = depth - 2;
        var result = new string('[', arrays) + "1" + new string(']', arrays);
        return $$$"""{"type":"tool_result","session_id":"{{{FakePeer.SessionId}}}","seq":{{{seq}}},"data":{"tool_call_id":"c","tool_name":"t","result":{{{result}}}}}""";
    }

    /// <summary>A create_session whose JSON nests <paramref name="depth"/> levels (frame 1, data 2, metadata 3...).</summary>
    private static string CreateWithMetadata(string requestId, int depth)
    {
        var objects = depth - 3;
        var metadata = string.Concat(Enumerable.Repeat("{\"a\":", objects)) + "{}" + new string('}', objects);
        return $$$"""{"type":"create_session","request_id":"{{{requestId}}}","data":{"agent_id":"agent-1","metadata":{{{metadata}}}}}""";
    }

    private static byte[] Padded(string json, int size)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var padded = new byte[size];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        return padded;
    }

    private static async Task<ClientWebSocket> OpenRawAsync(LocalEngine engine)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + engine.ApiKey);
        await socket.ConnectAsync(engine.WebSocketAddress, Within.Token());
        return socket;
    }

    private static async Task<JsonDocument?> ReceiveJsonAsync(ClientWebSocket socket)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), Within.Token());
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

    private static async Task<List<SessionEvent>> UntilCompleteAsync(IAsyncEnumerable<SessionEvent> events)
    {
        var seen = new List<SessionEvent>();
        await foreach (var evt in events.WithCancellation(Within.Token()))
        {
            seen.Add(evt);
            if (evt.IsComplete)
            {
                break;
            }
        }

        return seen;
    }

    /// <summary>Arms faults when the turn starts, then streams as the scripted agent does, or replies with <paramref name="reply"/>.</summary>
    private sealed class ArmingAgent(Action<AgentTurn> arm, string? reply = null) : IAgent
    {
        public async Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken)
        {
            arm(turn);
            if (reply is null)
            {
                await new ScriptedAgent().RunTurnAsync(turn, cancellationToken);
                return;
            }

            await turn.DeltaAsync(reply, cancellationToken);
            await turn.CompleteAsync(cancellationToken: cancellationToken);
        }
    }
}
