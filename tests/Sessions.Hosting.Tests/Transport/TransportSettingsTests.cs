using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Hosting.Tests.Infrastructure;
using Xunit;

namespace Sessions.Hosting.Tests.Transport;

/// <summary>The WebSocket hook runs before every socket opens; history goes through the application's HttpClient.</summary>
public sealed class TransportSettingsTests : IAsyncLifetime
{
    private LocalEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await LocalEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task ConfigureWebSocket_runs_for_every_socket_and_cannot_replace_the_authorization()
    {
        var configured = 0;
        using var client = new SessionClient(new SessionClientOptions
        {
            BaseAddress = _engine.BaseAddress,
            ApiKey = _engine.ApiKey,
            ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20) },
            ConfigureWebSocket = socket =>
            {
                Interlocked.Increment(ref configured);
                socket.SetRequestHeader("Authorization", "Bearer not-the-key");
                socket.SetRequestHeader("X-Tenant", "tenant-1");
                socket.KeepAliveInterval = TimeSpan.FromSeconds(20);
            },
        });

        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        Assert.Equal(1, configured);
        _engine.Faults.DropAfterEvents(session.SessionId!, 2);
        await Conversation.TurnAsync(session, "count 5");
        Assert.True(configured >= 2, "the reconnect's socket was configured too");
    }

    [Fact]
    public async Task History_requests_go_through_the_given_HttpClient_which_the_client_does_not_dispose()
    {
        var handler = new CountingHandler(new SocketsHttpHandler());
        using var http = new HttpClient(handler);
        using (var client = new SessionClient(new SessionClientOptions { BaseAddress = _engine.BaseAddress, ApiKey = _engine.ApiKey, HttpClient = http }))
        {
            await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
            await Conversation.TurnAsync(session, "hello");
            Assert.NotEmpty(await session.GetMessagesAsync(Within.Token()));
            Assert.Equal(1, handler.Requests);
        }

        using var afterwards = await http.GetAsync(_engine.BaseAddress, Within.Token()); // still usable: not disposed
        Assert.Equal(2, handler.Requests);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
