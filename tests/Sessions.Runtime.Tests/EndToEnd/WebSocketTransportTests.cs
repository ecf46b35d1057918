using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Credentials;
using Sessions.Protocol;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

/// <summary>
/// The default transport against the local engine. Its reader registers the receive token once per connection and
/// aborts the socket when it is cancelled (the socket's own receives take no token), so a receive must still end as a
/// cancellation of that token.
/// </summary>
public sealed class WebSocketTransportTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _fixture;

    public WebSocketTransportTests(EngineFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Cancelling_the_receive_token_ends_a_pending_receive_as_a_cancellation_of_that_token()
    {
        await using var connection = await ConnectAsync();
        using var lifetime = new CancellationTokenSource();

        // Messages pass while the token is live: the engine answers create_session.
        await connection.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"create_session\",\"request_id\":\"r1\",\"data\":{\"agent_id\":\"agent-1\"}}"), Within.Token());
        var created = await connection.ReceiveAsync(lifetime.Token).AsTask().WaitAsync(Within.Limit);
        Assert.Equal(TransportMessageKind.Text, created.Kind);
        using (var document = JsonDocument.Parse(created.Payload))
        {
            Assert.Equal("session_created", document.RootElement.GetProperty("type").GetString());
        }

        // Nothing more is coming: the receive waits until the token is cancelled.
        var receiving = connection.ReceiveAsync(lifetime.Token).AsTask();
        Assert.False(receiving.IsCompleted);
        await lifetime.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiving.WaitAsync(Within.Limit));
        Assert.Equal(lifetime.Token, cancelled.CancellationToken);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_receive_cancels_it_at_once()
    {
        await using var connection = await ConnectAsync();
        using var lifetime = new CancellationTokenSource();
        await lifetime.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ReceiveAsync(lifetime.Token).AsTask().WaitAsync(Within.Limit));
        Assert.Equal(lifetime.Token, cancelled.CancellationToken);
    }

    private async Task<ISessionTransportConnection> ConnectAsync()
    {
        var engine = _fixture.Engine;
        var address = new Uri(new UriBuilder(engine.BaseAddress) { Scheme = "ws" }.Uri, ProtocolFacts.SocketPath);
        var transport = new WebSocketTransport(address, new EngineAuthorization(new ApiKeyCredential(engine.ApiKey)), configure: null, ProtocolFacts.DefaultMaxFrameBytes);
        return await transport.ConnectAsync(Within.Token());
    }
}
