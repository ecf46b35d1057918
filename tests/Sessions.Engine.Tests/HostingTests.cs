using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Sessions.Engine.Hosting;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task The_engine_listens_on_loopback_with_an_ephemeral_port()
    {
        await using var engine = await TestEngine.StartAsync();
        Assert.Equal("127.0.0.1", engine.BaseAddress.Host);
        Assert.NotEqual(0, engine.BaseAddress.Port);
        Assert.Equal("/", engine.BaseAddress.AbsolutePath);
        Assert.Equal(new Uri("ws://127.0.0.1:" + engine.BaseAddress.Port + "/v1/sessions/ws"), engine.WebSocketAddress);
        Assert.Equal(engine.BaseAddress, Assert.Single(engine.Addresses));
    }

    [Fact]
    public async Task Dispose_ends_with_a_client_attached_and_a_turn_waiting_for_approval()
    {
        var engine = await TestEngine.StartAsync(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;
        await client.SendAsync(Frames.Post("p", "approve"));
        await client.NextAsync<ApprovalRequestEvent>();

        // The turn would wait for its answer for ever: dispose must cancel it rather than wait (the deadline is the only bound).
        var closing = client.ReceiveCloseAsync();
        await engine.DisposeAsync().AsTask().WaitAsync(Deadline.Default);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, (await closing).Status);

        await engine.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_does_not_wait_for_a_client_that_never_answers_the_close()
    {
        var engine = await TestEngine.StartAsync(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;

        // The client reads nothing, so it never answers the engine's close frame: dispose ends anyway, after the
        // shutdown timeout (the deadline is the only bound), and the engine is stopped.
        await engine.DisposeAsync().AsTask().WaitAsync(Deadline.Default);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => TestEngine.HistoryAsync(engine, "0123456789abcdef01234567"));
    }

    [Fact]
    public async Task A_custom_agent_gets_the_folded_turn_and_its_events_are_numbered_and_stored()
    {
        var agent = new RecordingAgent();
        await using var engine = await TestEngine.StartAsync(o => { o.Agent = agent; o.FoldWindow = TimeSpan.FromMilliseconds(300); });
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync(Frames.Post("a", "one"));
        await client.SendAsync(Frames.Post("b", "two"));
        var events = await client.UntilAsync<MessageCompleteEvent>();

        var turn = Assert.Single(agent.Turns);
        Assert.Equal(created.Data.SessionId, turn.SessionId);
        Assert.Equal("agent-1", turn.AgentId);
        Assert.Equal(["one", "two"], turn.Messages.Select(m => m.Text!).ToArray());
        Assert.Equal("one\ntwo", turn.Text);
        Assert.Equal("custom reply", ((MessageCompleteEvent)events[^1]).Data.Text);
        Assert.Equal("checking", events.OfType<ThinkingEvent>().Single().Data.Summary);
        Assert.All(events.Where(e => e is not MessagePostedEvent), e => Assert.Equal(turn.MessageId, e.MessageId));
    }

    [Fact]
    public async Task An_agent_that_throws_fails_its_turn_and_the_session_goes_on()
    {
        await using var engine = await TestEngine.StartAsync(o => o.Agent = new ThrowingAgent());
        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await using var __ = client;

        await client.SendAsync(Frames.Post("p", "boom"));
        var events = await client.UntilAsync<MessageCompleteEvent>();
        var error = events.OfType<ErrorEvent>().Single();
        Assert.Equal(ErrorCode.AgentFailed, error.Data.ErrorCode);
        Assert.Contains("kaboom", error.Data.Error, StringComparison.Ordinal);
        Assert.Equal(SessionMessageStatus.Error, ((MessageCompleteEvent)events[^1]).Data.Status);
        Assert.Equal("Par", ((MessageCompleteEvent)events[^1]).Data.Text);

        await client.SendAsync(Frames.Post("q", "calm"));
        Assert.Equal(SessionMessageStatus.Complete, (await client.NextAsync<MessageCompleteEvent>()).Data.Status);
    }

    [Theory]
    [InlineData(nameof(LocalEngineOptions.MaxFrameBytes))]
    [InlineData(nameof(LocalEngineOptions.FoldWindow))]
    [InlineData(nameof(LocalEngineOptions.Urls))]
    [InlineData(nameof(LocalEngineOptions.ApiKeys))]
    public async Task Options_that_cannot_work_are_refused_by_name(string setting)
    {
        var options = new LocalEngineOptions();
        switch (setting)
        {
            case nameof(LocalEngineOptions.MaxFrameBytes): options.MaxFrameBytes = 10; break;
            case nameof(LocalEngineOptions.FoldWindow): options.FoldWindow = TimeSpan.FromSeconds(-1); break;
            case nameof(LocalEngineOptions.Urls): options.Urls = " "; break;
            default: options.ApiKeys.Add(""); break;
        }

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => LocalEngine.StartAsync(options));
        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standalone_settings_follow_the_ASP_NET_Core_conventions()
    {
        var fromCommandLine = StandaloneOptions.From(new ConfigurationBuilder()
            .AddCommandLine(["--urls", "http://127.0.0.1:5123", "--Engine:ApiKeys:0=first", "--Engine:ApiKeys:1=second", "--Engine:FoldWindowMs=10", "--Engine:MaxFrameBytes=65536"])
            .Build());
        Assert.Equal("http://127.0.0.1:5123", fromCommandLine.Urls);
        Assert.Equal(["first", "second"], fromCommandLine.ApiKeys.ToArray());
        Assert.Equal(TimeSpan.FromMilliseconds(10), fromCommandLine.FoldWindow);
        Assert.Equal(65536, fromCommandLine.MaxFrameBytes);

        // Engine__ApiKeys__0 in the environment arrives as the key "Engine:ApiKeys:0".
        var fromEnvironment = StandaloneOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:ApiKeys:0"] = "env-key" })
            .Build());
        Assert.Equal(["env-key"], fromEnvironment.ApiKeys.ToArray());
        Assert.Equal("http://127.0.0.1:0", fromEnvironment.Urls);
    }

    [Fact]
    public async Task The_standalone_engine_prints_its_address_and_development_key_and_serves_them()
    {
        var assembly = typeof(LocalEngine).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        using var process = Process.Start(start)!;
        try
        {
            var printed = new List<string>();
            while (printed.Count == 0 || !printed[^1].Contains("API key:", StringComparison.Ordinal))
            {
                var line = await process.StandardOutput.ReadLineAsync(Deadline.Token())
                    ?? throw new InvalidOperationException("The engine exited: " + string.Join("\n", printed) + await process.StandardError.ReadToEndAsync());
                printed.Add(line);
            }

            var address = new Uri(printed.Single(l => l.Contains("WebSocket:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
            var key = printed[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
            Assert.Equal("127.0.0.1", address.Host);
            Assert.StartsWith("dev-", key, StringComparison.Ordinal);

            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + key);
            using var deadline = new CancellationTokenSource(Deadline.Default);
            await socket.ConnectAsync(address, deadline.Token);
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(Frames.Ping("standalone")), WebSocketMessageType.Text, true, deadline.Token);
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer, deadline.Token);
            using var pong = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
            Assert.Equal("pong", pong.RootElement.GetProperty("type").GetString());
            Assert.Equal("standalone", pong.RootElement.GetProperty("request_id").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Deadline.Token());
        }
    }

    private sealed class RecordingAgent : IAgent
    {
        public List<AgentTurn> Turns { get; } = [];

        public async Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken)
        {
            Turns.Add(turn);
            await turn.ThinkingAsync("checking", cancellationToken);
            await turn.DeltaAsync("custom ", cancellationToken);
            await turn.DeltaAsync("reply", cancellationToken);
            await turn.CompleteAsync(cancellationToken: cancellationToken);
        }
    }

    private sealed class ThrowingAgent : IAgent
    {
        public async Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken)
        {
            if (turn.Text == "boom")
            {
                await turn.DeltaAsync("Par", cancellationToken);
                throw new InvalidOperationException("kaboom");
            }

            await turn.DeltaAsync("fine", cancellationToken);
        }
    }
}
