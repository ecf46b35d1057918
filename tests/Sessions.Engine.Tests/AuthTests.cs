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
    public async Task Connecting_to_a_session_of_another_key_is_answered_exactly_like_a_random_id()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("owner"); o.ApiKeys.Add("intruder"); });
        var (owner, created) = await TestClient.CreateSessionAsync(engine, "owner");
        await using var _ = owner;
        const string RandomId = "0123456789abcdef01234567";

        await using var intruder = await TestClient.ConnectAsync(engine, "intruder");
        await intruder.SendAsync(Frames.Connect("c1", created.Data.SessionId));
        var theirs = Assert.IsType<ErrorEvent>(await intruder.ReceiveAsync());
        await intruder.SendAsync(Frames.Connect("c2", RandomId));
        var random = Assert.IsType<ErrorEvent>(await intruder.ReceiveAsync());

        Assert.Equal(ErrorCode.NotFound, theirs.Data.ErrorCode);
        Assert.Equal(random.Data.Code, theirs.Data.Code);
        Assert.Equal(random.Data.Error.Replace(RandomId, "ID", StringComparison.Ordinal), theirs.Data.Error.Replace(created.Data.SessionId, "ID", StringComparison.Ordinal));
        Assert.Equal(random.Data.Retryable, theirs.Data.Retryable);
        Assert.Equal("c1", theirs.RequestId);

        // Neither closes the socket: the same connection still works.
        await intruder.SendAsync(Frames.Ping("p"));
        Assert.Equal("p", (await intruder.NextAsync<PongEvent>()).RequestId);

        // The owner's connection is untouched.
        await owner.SendAsync(Frames.Ping("p"));
        Assert.Equal("p", (await owner.NextAsync<PongEvent>()).RequestId);
    }

    [Fact]
    public async Task A_terminated_session_of_another_key_is_answered_like_a_random_id_too()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("owner"); o.ApiKeys.Add("intruder"); });
        var (owner, created) = await TestClient.CreateSessionAsync(engine, "owner");
        await owner.SendAsync(Frames.Terminate("t"));
        await owner.ReceiveCloseAsync();
        await owner.DisposeAsync();

        await using var intruder = await TestClient.ConnectAsync(engine, "intruder");
        await intruder.SendAsync(Frames.Connect("c1", created.Data.SessionId));
        Assert.Equal(ErrorCode.NotFound, Assert.IsType<ErrorEvent>(await intruder.ReceiveAsync()).Data.ErrorCode);
        using var http = TestEngine.Http(engine, apiKey: "intruder");
        using var response = await http.GetAsync(engine.HistoryAddress(created.Data.SessionId));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":\"not_found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_needs_the_key_that_owns_the_session_and_another_keys_session_looks_like_a_random_id()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("owner"); o.ApiKeys.Add("other"); });
        var (client, created) = await TestClient.CreateSessionAsync(engine, "owner");
        await using var _ = client;
        var address = engine.HistoryAddress(created.Data.SessionId);
        const string RandomId = "0123456789abcdef01234567";

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
        using (var theirs = await other.GetAsync(address))
        using (var random = await other.GetAsync(engine.HistoryAddress(RandomId)))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
            Assert.Equal(random.StatusCode, theirs.StatusCode);
            var theirBody = (await theirs.Content.ReadAsStringAsync()).Replace(created.Data.SessionId, "ID", StringComparison.Ordinal);
            Assert.Equal((await random.Content.ReadAsStringAsync()).Replace(RandomId, "ID", StringComparison.Ordinal), theirBody);
            Assert.Contains("\"code\":\"not_found\"", theirBody, StringComparison.Ordinal);
        }

        using (var owner = TestEngine.Http(engine, apiKey: "owner"))
        using (var response = await owner.GetAsync(address))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
