using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Security;

/// <summary>
/// Must hold (7), keys and transport: a wrong or missing key gives a clear authentication error and no retry storm;
/// another key's session gives a permission error; the API key appears in no log line at any level, no exception and no
/// ToString(); ws:// to a host other than loopback is refused unless the user opts in.
/// </summary>
public sealed class SecurityTests
{
    private readonly ITestOutputHelper _output;

    public SecurityTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_wrong_key_is_one_clear_authentication_error_and_one_attempt()
    {
        var engineLogs = new CapturingLoggerFactory();
        var requests = engineLogs.Count("Microsoft.AspNetCore.Hosting.Diagnostics", 1); // "Request starting"
        await using var engine = await Engines.StartAsync(o => o.LoggerFactory = engineLogs);
        const string Wrong = "sk-wrong-6a1f0c2e9b";
        using var client = Engines.Client(engine, apiKey: Wrong);

        var refused = await Assert.ThrowsAsync<SessionAuthenticationException>(() => client.Agent("agent-1").CreateSessionAsync(Within.Token()));
        var attempts = requests.Value;

        // A missing key: the engine refuses the upgrade with 401 too.
        using var bare = new ClientWebSocket();
        bare.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => bare.ConnectAsync(engine.WebSocketAddress, Within.Token()));

        Figures.Report(_output, "7 security", "upgrade attempts made with a wrong key", attempts);
        Assert.Equal(1, attempts); // no retry
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("unauthorized", refused.Code);
        Assert.Contains("API key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, bare.HttpStatusCode);
        if (Environment.GetEnvironmentVariable(SessionClientOptions.ApiKeyVariable) is null)
        {
            var missing = Assert.Throws<ArgumentException>(() => new SessionClient(new SessionClientOptions { BaseAddress = engine.BaseAddress }));
            Assert.Contains(SessionClientOptions.ApiKeyVariable, missing.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_key_revoked_while_connected_stops_reconnection_at_the_first_refusal()
    {
        // The fake accepts the first socket, drops it after one post, and refuses every later upgrade with 401.
        await using var fake = await FakeEngine.StartAsync(
            async peer =>
            {
                using var guard = new CancellationTokenSource(Within.Limit);
                await peer.HandshakeAsync(guard.Token);
                await peer.AcknowledgeNextPostAsync(guard.Token);
                peer.Drop();
            },
            (context, attempt) =>
            {
                if (attempt == 1)
                {
                    return true;
                }

                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return false;
            });
        using var client = Engines.Client(fake.BaseAddress, "revoked-key", o => o.ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 1000 });
        var session = SessionInternals.NewSession(client, "agent-1");
        var listening = session.ListenAsync();
        await session.ConnectAsync(Within.Token());
        await session.SendAsync("hello", Within.Token());

        var ended = await Assert.ThrowsAsync<SessionAuthenticationException>(async () =>
        {
            await foreach (var _ in listening.WithCancellation(Within.Token()))
            {
            }
        });
        await SessionInternals.ReconnectLoop(session).WaitAsync(Within.Limit); // the loop has ended: no attempt can follow
        var upgrades = fake.Upgrades;
        await session.DisposeAsync();

        Figures.Report(_output, "7 security", "upgrade attempts after the drop, the refused one included (the policy allowed 1,000)", upgrades - 1);
        Assert.Equal(2, upgrades);
        Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
    }

    [Fact]
    public async Task Another_keys_session_and_a_random_id_are_indistinguishable_on_the_socket_and_on_history()
    {
        const string RandomId = "0123456789abcdef01234567";
        var engineLogs = new CapturingLoggerFactory();
        var requests = engineLogs.Count("Microsoft.AspNetCore.Hosting.Diagnostics", 1);
        await using var engine = await Engines.StartAsync(o =>
        {
            o.ApiKeys.Add("key-owner-1b2c");
            o.ApiKeys.Add("key-other-3d4e");
            o.LoggerFactory = engineLogs;
        });
        using var owner = Engines.Client(engine, apiKey: "key-owner-1b2c");
        using var other = Engines.Client(engine, apiKey: "key-other-3d4e");
        await using var session = await owner.Agent("agent-1").CreateSessionAsync(Within.Token());
        var id = session.SessionId!;
        var before = requests.Value;

        var onSocket = await Assert.ThrowsAsync<SessionNotFoundException>(() => other.ResumeSessionAsync(id, cancellationToken: Within.Token()));
        var onHistory = await Assert.ThrowsAsync<SessionNotFoundException>(() => other.GetSession(id).GetMessagesAsync(Within.Token()));
        var attempts = requests.Value - before;
        var randomOnSocket = await Assert.ThrowsAsync<SessionNotFoundException>(() => other.ResumeSessionAsync(RandomId, cancellationToken: Within.Token()));
        var randomOnHistory = await Assert.ThrowsAsync<SessionNotFoundException>(() => other.GetSession(RandomId).GetMessagesAsync(Within.Token()));

        Figures.Report(_output, "7 security", "requests made by the other key (one resume, one history)", attempts);
        Assert.Equal(2, attempts); // the refused resume is not retried
        Assert.Equal("not_found", onSocket.Code);
        Assert.Equal(randomOnSocket.Code, onSocket.Code);
        Assert.Equal(randomOnSocket.Message.Replace(RandomId, "ID", StringComparison.Ordinal), onSocket.Message.Replace(id, "ID", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, onHistory.StatusCode);
        Assert.Equal(randomOnHistory.StatusCode, onHistory.StatusCode);
        Assert.Equal(randomOnHistory.Code, onHistory.Code);
        Assert.Equal(randomOnHistory.Message.Replace(RandomId, "ID", StringComparison.Ordinal), onHistory.Message.Replace(id, "ID", StringComparison.Ordinal));
        Assert.True(session.IsConnected); // the owner is not disturbed
        await session.SendAsync("still mine", Within.Token());
    }

    [Fact]
    public async Task The_api_key_appears_in_no_log_line_exception_or_ToString()
    {
        const string Key = "sk-live-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        const string WrongKey = "sk-live-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        var clientLogs = new CapturingLoggerFactory();
        var engineLogs = new CapturingLoggerFactory();
        var reconnected = clientLogs.Count(Engines.ClientCategory, 4);
        var texts = new List<string>();
        void Caught(Exception exception) => texts.Add(exception.ToString());

        await using (var engine = await Engines.StartAsync(o =>
        {
            o.ApiKeys.Add(Key);
            o.ApiKeys.Add("another-owner-key");
            o.LoggerFactory = engineLogs;
        }))
        {
            var options = new SessionClientOptions
            {
                BaseAddress = engine.BaseAddress,
                ApiKey = Key,
                LoggerFactory = clientLogs,
                ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 20 },
            };
            using var client = new SessionClient(options);
            await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            texts.Add(client.ToString());
            texts.Add(options.ToString()!);
            texts.Add(session.ToString() ?? string.Empty);
            texts.Add(client.Agent("agent-1").ToString()!);

            // A turn with every kind of event, an approval, a bad frame and a drop with its reconnection.
            var events = session.ListenAsync(maxQueue: 0);
            engine.Faults.ForSession(session.SessionId!).SendMalformedFrame().DropAfterEvents(3);
            await session.SendAsync("status think search for keys tool reauth approve", Within.Token());
            await foreach (var evt in events.WithCancellation(Within.Token()))
            {
                texts.Add(evt.ToString());
                if (evt is ApprovalRequestEvent approval)
                {
                    await session.RespondApprovalAsync(approval, true, cancellationToken: Within.Token());
                }

                if (evt.IsComplete)
                {
                    break;
                }
            }

            Assert.True(reconnected.Value >= 1);
            foreach (var message in await session.GetMessagesAsync(Within.Token()))
            {
                texts.Add(message.ToString());
            }

            // Every failure path: wrong key (socket and history), another key's session, a bad address, a terminated session.
            using (var wrong = Engines.Client(engine, o => o.LoggerFactory = clientLogs, apiKey: WrongKey))
            {
                Caught(await Assert.ThrowsAsync<SessionAuthenticationException>(() => wrong.Agent("agent-1").CreateSessionAsync(Within.Token())));
                Caught(await Assert.ThrowsAsync<SessionAuthenticationException>(() => wrong.GetSession(session.SessionId!).GetMessagesAsync(Within.Token())));
            }

            using (var another = Engines.Client(engine, o => o.LoggerFactory = clientLogs, apiKey: "another-owner-key"))
            {
                Caught(await Assert.ThrowsAsync<SessionNotFoundException>(() => another.ResumeSessionAsync(session.SessionId!, cancellationToken: Within.Token())));
            }

            Caught(Assert.Throws<ArgumentException>(() => new SessionClient(new SessionClientOptions { BaseAddress = new Uri("ws://engine.example.com/"), ApiKey = Key })));
            await session.TerminateAsync(Within.Token());
            Caught(await Assert.ThrowsAsync<SessionNotFoundException>(() => session.SendAsync("after the end", Within.Token())));
            Caught(await Assert.ThrowsAsync<SessionNotFoundException>(() => client.ResumeSessionAsync(session.SessionId!, cancellationToken: Within.Token())));
            texts.Add(session.ToString() ?? string.Empty);
        }

        var lines = clientLogs.Lines.Concat(engineLogs.Lines).ToList();
        texts.AddRange(lines.Select(l => l.AllText));
        var traceLines = lines.Count(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Trace);
        Figures.Report(_output, "7 security", "log lines searched (all levels, client and engine)", lines.Count);
        Figures.Report(_output, "7 security", "of which Trace (frame bodies)", traceLines);
        Figures.Report(_output, "7 security", "texts searched (log lines, exceptions, ToString of client, options, session, events)", texts.Count);
        Figures.Report(_output, "7 security", "texts holding a key", texts.Count(t => t.Contains(Key, StringComparison.Ordinal) || t.Contains(WrongKey, StringComparison.Ordinal)));

        Assert.True(traceLines > 0, "the capture should include Trace lines");
        Assert.DoesNotContain(texts, t => t.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(WrongKey, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(Key[8..24], StringComparison.Ordinal)); // no fragment either
    }

    [Fact]
    public void Clear_text_to_a_host_other_than_loopback_is_refused_unless_allowed()
    {
        string[] loopback = { "127.0.0.1", "127.8.9.10", "localhost", "[::1]" };
        string[] remote = { "example.com", "10.0.0.1", "192.168.1.20", "0.0.0.0", "localhost.example.com", "127.0.0.1.nip.io", "[::ffff:10.0.0.1]", "[2001:db8::1]", "engine" };
        var checkedCount = 0;
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, loopback.Length + remote.Length - 1], Gen.Bool, Gen.Int[0, 65535], Gen.Bool).Sample(
            (schemeIndex, hostIndex, allow, port, withPath) =>
            {
                var scheme = new[] { "http", "ws", "https", "wss" }[schemeIndex];
                var isLoopback = hostIndex < loopback.Length;
                var host = isLoopback ? loopback[hostIndex] : remote[hostIndex - loopback.Length];
                var address = new Uri($"{scheme}://{host}:{port}/{(withPath ? "engine/v2" : string.Empty)}");
                var options = new SessionClientOptions { BaseAddress = address, ApiKey = "sk-transport-check-77", AllowInsecureTransport = allow };
                var refused = scheme is "http" or "ws" && !isLoopback && !allow;
                checkedCount++;
                if (refused)
                {
                    var error = Assert.Throws<ArgumentException>(() => new SessionClient(options));
                    Assert.Contains("AllowInsecureTransport", error.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain("sk-transport-check-77", error.ToString(), StringComparison.Ordinal);
                }
                else
                {
                    using var client = new SessionClient(options);
                    Assert.DoesNotContain("sk-transport-check-77", client.ToString(), StringComparison.Ordinal);
                }
            },
            iter: 2_000,
            threads: 1);

        Figures.Report(_output, "7 security", "addresses checked against the clear-text rule", checkedCount);
    }
}
