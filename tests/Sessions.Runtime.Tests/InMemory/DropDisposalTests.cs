using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;
using static Sessions.Runtime.Tests.InMemory.UserCodeWithInMemoryTransportTests;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>Every connection a session opens is disposed: after 100 drops and reconnects, and the session's disposal, none is left.</summary>
public sealed class DropDisposalTests
{
    [Fact]
    public async Task No_connection_is_left_undisposed_after_100_drops()
    {
        const int Drops = 100;
        var transport = new InMemoryTransport();
        var counting = new CountingTransport(transport);
        using var client = new SessionClient(new SessionClientOptions { Transport = counting, ReconnectPolicy = Fast() });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        var session = await creating;

        for (var i = 1; i <= Drops; i++)
        {
            await peer.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = i, Data = new MessageDeltaEventData { Delta = "d" } });
            peer.Drop();
            peer = await transport.AcceptAsync(Within.Token());
            var resume = await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
            Assert.Equal(i, resume.GetProperty("data").GetProperty("last_seq").GetInt64());
        }

        await session.DisposeAsync();

        Assert.Equal(Drops + 1, counting.Opened);
        Assert.Equal(counting.Opened, counting.Disposed);
        Assert.Equal(SessionState.Disposed, session.State);
    }
}
