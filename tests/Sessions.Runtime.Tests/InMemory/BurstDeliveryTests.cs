using System.Linq;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>
/// Events sent back to back reach every listener whole and in order,
/// also when a drop cuts the burst: the listener has every event before it learns of the end.
/// </summary>
public sealed class BurstDeliveryTests
{
    private static MessageDeltaEvent Delta(long seq) => new() { SessionId = "s1", Seq = seq, MessageId = "m", Data = new MessageDeltaEventData { Delta = seq.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(1000)]
    public async Task A_burst_reaches_every_listener_whole_and_in_order(int count)
    {
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await using var session = await creating;
        var listeners = Enumerable.Range(0, 2).Select(_ => session.ListenAsync(maxQueue: 0, cancellationToken: Within.Token()).Take(count).ToListAsync().AsTask()).ToArray();

        // Written back to back: the receive loop reads them as they come, often several at once, never in a set rhythm.
        for (var seq = 1; seq <= count; seq++)
        {
            await peer.SendAsync(Delta(seq));
        }

        foreach (var listener in listeners)
        {
            var seen = await listener.WaitAsync(Within.Limit);
            Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), seen.Select(e => e.Seq!.Value));
        }
    }

    [Fact]
    public async Task A_burst_cut_by_a_drop_reaches_the_listener_before_the_end()
    {
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = null });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await using var session = await creating;
        var events = session.ListenAsync(maxQueue: 0, cancellationToken: Within.Token()).GetAsyncEnumerator();

        for (var seq = 1; seq <= 10; seq++)
        {
            await peer.SendAsync(Delta(seq));
        }

        peer.Drop();

        for (var seq = 1; seq <= 10; seq++)
        {
            Assert.True(await events.MoveNextAsync());
            Assert.Equal(seq, events.Current.Seq);
        }

        await Assert.ThrowsAsync<SessionDisconnectedException>(async () => await events.MoveNextAsync());
        await events.DisposeAsync();
    }
}
