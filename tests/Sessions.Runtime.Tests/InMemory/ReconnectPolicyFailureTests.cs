using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Connection;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>
/// The app's reconnect policy is the app's code: one that throws or answers a delay no timer can wait ends the
/// reconnecting with a <see cref="SessionDisconnectedException"/>, never a faulted loop that leaves the session in
/// Reconnecting for ever. The same holds for the retried first connect, and for a send on a connection already disposed.
/// </summary>
public sealed class ReconnectPolicyFailureTests
{
    private sealed class ThrowingPolicy : IReconnectPolicy
    {
        public TimeSpan? NextDelay(ReconnectContext context) => throw new InvalidOperationException("policy bug");
    }

    private sealed class FixedPolicy(TimeSpan delay) : IReconnectPolicy
    {
        public TimeSpan? NextDelay(ReconnectContext context) => delay;
    }

    public static TheoryData<string> BrokenPolicies => new() { "throws", "negative", "too long" };

    private static IReconnectPolicy Broken(string kind) => kind switch
    {
        "throws" => new ThrowingPolicy(),
        "negative" => new FixedPolicy(TimeSpan.FromMilliseconds(-5)),
        _ => new FixedPolicy(TimeSpan.FromDays(60)),
    };

    [Theory]
    [MemberData(nameof(BrokenPolicies))]
    public async Task A_broken_policy_after_a_drop_ends_in_Disconnected_with_a_session_exception(string kind)
    {
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = Broken(kind) });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await using var session = await creating;
        var changes = Channel.CreateUnbounded<SessionStateChangedEventArgs>();
        session.StateChanged += (_, change) => changes.Writer.TryWrite(change);
        var listening = session.ListenAsync(cancellationToken: Within.Token()).GetAsyncEnumerator();
        var next = listening.MoveNextAsync().AsTask();

        peer.Drop();

        SessionStateChangedEventArgs change;
        do
        {
            change = await changes.Reader.ReadAsync(Within.Token());
        }
        while (change.Current != SessionState.Disconnected);

        var cause = Assert.IsType<SessionDisconnectedException>(change.Cause);
        Assert.Contains("reconnect policy", cause.Message, StringComparison.Ordinal);
        await session.Core.ReconnectLoop.WaitAsync(Within.Limit);
        Assert.True(session.Core.ReconnectLoop.IsCompletedSuccessfully);
        var ended = await Assert.ThrowsAsync<SessionDisconnectedException>(() => next.WaitAsync(Within.Limit));
        Assert.Same(cause, ended);
        await session.DisconnectAsync(Within.Token()); // does not rethrow the policy's exception
        Assert.Equal(SessionState.Disconnected, session.State);
    }

    [Theory]
    [MemberData(nameof(BrokenPolicies))]
    public async Task A_broken_policy_while_retrying_the_first_connect_is_a_session_exception(string kind)
    {
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = Broken(kind), RetryInitialConnect = true });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.ReceiveAsync("create_session", Within.Token());
        peer.Drop(); // the first connect fails as if the engine were still starting: the policy is asked

        var error = await Assert.ThrowsAsync<SessionDisconnectedException>(() => creating.WaitAsync(Within.Limit));
        Assert.Contains("reconnect policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_on_a_disposed_connection_is_a_disconnected_exception()
    {
        var transport = await new InMemoryTransport().ConnectAsync(Within.Token());
        var connection = new SessionConnection(transport, new IgnoringListener(), new SessionClientOptions(), NullLogger.Instance, () => "s1");
        await connection.DisposeAsync();

        await Assert.ThrowsAsync<SessionDisconnectedException>(() => connection.SendAsync(new PingFrame { RequestId = "p1" }, Within.Token()));
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => connection.RequestAsync(new PingFrame { RequestId = "p2" }, Within.Limit, Within.Token()));
    }

    private sealed class IgnoringListener : IConnectionListener
    {
        public void OnEvent(SessionEvent evt)
        {
        }

        public void OnBadFrame(string problem)
        {
        }

        public void OnClosed(SessionConnection connection, ConnectionClosed closed)
        {
        }
    }
}
