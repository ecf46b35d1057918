using System;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task Upgrade_without_a_valid_key_is_refused_with_401_before_the_upgrade(string? authorization)
    {
        await using var engine = await TestEngine.StartAsync(o => o.ApiKeys.Add("right-key"));
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        using var deadline = new CancellationTokenSource(Deadline.Default);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(engine.WebSocketAddress, deadline.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Any_configured_key_is_accepted_and_the_first_is_the_engine_key()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("key-one"); o.ApiKeys.Add("key-two"); });
        Assert.Equal("key-one", engine.ApiKey);
        Assert.False(engine.ApiKeyGenerated);

        var (client, created) = await TestClient.CreateSessionAsync(engine, "key-two");
        await using (client)
        {
            Assert.Matches("^[0-9a-f]{24}$", created.Data.SessionId);
        }
    }

    [Fact]
    public async Task Without_configured_keys_a_development_key_is_made_up_and_works()
    {
        await using var engine = await TestEngine.StartAsync();
        Assert.True(engine.ApiKeyGenerated);
        Assert.StartsWith("dev-", engine.ApiKey, StringComparison.Ordinal);

        var (client, _) = await TestClient.CreateSessionAsync(engine);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Connecting_to_a_session_of_another_key_gets_forbidden_then_close_1008()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("owner"); o.ApiKeys.Add("intruder"); });
        var (owner, created) = await TestClient.CreateSessionAsync(engine, "owner");
        await using var _ = owner;

        await using var intruder = await TestClient.ConnectAsync(engine, "intruder");
        await intruder.SendAsync(Frames.Connect("c1", created.Data.SessionId));
        var error = Assert.IsType<ErrorEvent>(await intruder.ReceiveAsync());
        Assert.Equal(EngineErrorCodes.Forbidden, error.Data.Code);
        Assert.Equal("c1", error.RequestId);
        var (status, _, _) = await intruder.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);

        // The owner's connection is untouched.
        await owner.SendAsync(Frames.Ping("p"));
        Assert.Equal("p", (await owner.NextAsync<PongEvent>()).RequestId);
    }

    [Fact]
    public async Task History_needs_the_key_that_owns_the_session()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("owner"); o.ApiKeys.Add("other"); });
        var (client, created) = await TestClient.CreateSessionAsync(engine, "owner");
        await using var _ = client;
        var address = engine.HistoryAddress(created.Data.SessionId);

        using (var anonymous = TestEngine.Http(engine, apiKey: ""))
        using (var response = await anonymous.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        using (var wrong = TestEngine.Http(engine, apiKey: "not-a-key"))
        using (var response = await wrong.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var other = TestEngine.Http(engine, apiKey: "other"))
        using (var response = await other.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("\"code\":\"forbidden\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var owner = TestEngine.Http(engine, apiKey: "owner"))
        using (var response = await owner.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
