using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>
/// How a user tests their own code that uses a session, with no engine and no socket: the code under test is
/// <see cref="Summarizer"/> (an application's class); the test plays the engine on an <see cref="InMemoryPeer"/>.
/// The README shows the same.
/// </summary>
public sealed class UserCodeWithInMemoryTransportTests
{
    /// <summary>An application's code: asks the agent for a summary and returns the reply's text.</summary>
    private sealed class Summarizer(SessionClient client)
    {
        public async Task<string> SummarizeAsync(string text, CancellationToken cancellationToken)
        {
            await using var session = await client.Agent("summarizer").CreateSessionAsync(cancellationToken);
            var events = session.ListenAsync(cancellationToken: cancellationToken);
            await session.SendAsync("Summarize: " + text, cancellationToken);
            await foreach (var evt in events)
            {
                if (evt is MessageCompleteEvent complete)
                {
                    return complete.Data.Text;
                }
            }

            throw new InvalidOperationException("The session ended before the reply.");
        }
    }

    [Fact]
    public async Task A_users_class_is_tested_against_a_scripted_peer()
    {
        var ct = Within.Token();

        // README:begin testing
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport });
        var summarizing = new Summarizer(client).SummarizeAsync("a long text", ct);   // the code under test

        // Play the engine: accept the connection, create the session, acknowledge the post, stream the reply.
        await using var peer = await transport.AcceptAsync(ct);
        await peer.AnswerJoinAsync("s1", cancellationToken: ct);
        var post = (await peer.ReceiveAsync("post_message", ct))!.Value;
        Assert.Equal("Summarize: a long text", post.GetProperty("data").GetProperty("message").GetProperty("text").GetString());
        await peer.SendAsync(new MessagePostedEvent { SessionId = "s1", RequestId = post.GetProperty("request_id").GetString(), Data = new() { MessageId = "m1" } }, ct);
        await peer.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = 2, Data = new() { Delta = "Short." } }, ct);
        await peer.SendAsync(new MessageCompleteEvent { SessionId = "s1", Seq = 3, Data = new() { Text = "Short.", Status = SessionMessageStatus.Complete } }, ct);

        Assert.Equal("Short.", await summarizing);
        // README:end testing

        // The class disposed its session: the connection was closed and released.
        Assert.Null(await peer.ReceiveAsync(ct));
        Assert.True(peer.IsClientDisposed);
    }

    [Fact]
    public async Task A_dropped_in_memory_connection_is_resumed_after_the_last_event_seen()
    {
        var transport = new InMemoryTransport();
        using var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = Fast() });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var first = await transport.AcceptAsync(Within.Token());
        await first.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        await using var session = await creating;
        var events = session.ListenAsync(cancellationToken: Within.Token()).GetAsyncEnumerator();
        await first.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = 7, Data = new MessageDeltaEventData { Delta = "x" } });
        Assert.True(await events.MoveNextAsync());

        first.Drop();
        var second = await transport.AcceptAsync(Within.Token());
        var resume = await second.AnswerJoinAsync("s1", cancellationToken: Within.Token());

        Assert.Equal("connect_session", resume.GetProperty("type").GetString());
        Assert.Equal(7, resume.GetProperty("data").GetProperty("last_seq").GetInt64());
        await second.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = 7, Data = new MessageDeltaEventData { Delta = "x" } }); // a replay: dropped
        await second.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = 8, Data = new MessageDeltaEventData { Delta = "y" } });
        Assert.True(await events.MoveNextAsync());
        Assert.IsType<SessionConnectedEvent>(events.Current); // listeners hear the resume itself
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(8, events.Current.Seq);
        await events.DisposeAsync();
    }

    internal static ExponentialBackoffReconnectPolicy Fast() => new() { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxAttempts = 50 };

    internal static string RequestId(JsonElement frame) => frame.GetProperty("request_id").GetString()!;
}
