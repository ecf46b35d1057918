using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Sessions.Transport;
using Xunit;
using static Sessions.Runtime.Tests.InMemory.UserCodeWithInMemoryTransportTests;

namespace Sessions.Runtime.Tests.InMemory;

/// <summary>
/// Answers to approvals are delivered exactly once across drops: the call returns only on the engine's
/// <c>response_accepted</c>; an answer lost with a connection is sent again after the resume if the engine still
/// lists the approval as pending, and not otherwise; a refusal is a typed exception.
/// </summary>
public sealed class AnswerDeliveryTests
{
    private static ApprovalRequestEvent Request(string approvalId) => new()
    {
        SessionId = "s1",
        Seq = 5,
        Data = new ApprovalRequestEventData { ApprovalId = approvalId, ToolName = "send_email", ToolId = "t1", Arguments = new Dictionary<string, JsonElement>() },
    };

    private static async Task<(InMemoryTransport Transport, SessionClient Client, Session Session, InMemoryPeer Peer)> ConnectedAsync()
    {
        var transport = new InMemoryTransport();
        var client = new SessionClient(new SessionClientOptions { Transport = transport, ReconnectPolicy = Fast(), RequestTimeout = TimeSpan.FromSeconds(15) });
        var creating = client.Agent("a").CreateSessionAsync(Within.Token());
        var peer = await transport.AcceptAsync(Within.Token());
        await peer.AnswerJoinAsync("s1", cancellationToken: Within.Token());
        return (transport, client, await creating, peer);
    }

    [Fact]
    public async Task The_answer_returns_only_when_the_engine_acknowledges_it()
    {
        var (_, client, session, peer) = await ConnectedAsync();
        using var _c = client;
        await using var _s = session;

        var listening = session.ListenAsync(cancellationToken: Within.Token()).GetAsyncEnumerator();
        var answering = session.RespondApprovalAsync(Request("ap1"), approved: true, cancellationToken: Within.Token());
        var frame = (await peer.ReceiveAsync("send_response", Within.Token()))!.Value;
        Assert.Equal("ap1", frame.GetProperty("data").GetProperty("approval_id").GetString());

        // The session has read an event sent after the answer (not its acknowledgement): written to the connection
        // is not taken by the engine, so the answer is still waiting.
        await peer.SendAsync(new MessageDeltaEvent { SessionId = "s1", Seq = 6, Data = new MessageDeltaEventData { Delta = "meanwhile" } });
        Assert.True(await listening.MoveNextAsync());
        Assert.IsType<MessageDeltaEvent>(listening.Current);
        Assert.False(answering.IsCompleted);
        await listening.DisposeAsync();

        await peer.SendAsync(new ResponseAcceptedEvent { SessionId = "s1", RequestId = RequestId(frame), Data = new ResponseAcceptedEventData { ApprovalId = "ap1", Approved = true, Repeated = false } });
        await answering.WaitAsync(Within.Limit);
    }

    [Fact]
    public async Task An_answer_lost_with_the_connection_is_sent_again_after_the_resume_when_still_pending()
    {
        var (transport, client, session, first) = await ConnectedAsync();
        using var _c = client;
        await using var _s = session;

        var answering = session.RespondApprovalAsync(Request("ap1"), approved: false, denyReason: "no", cancellationToken: Within.Token());
        var lost = (await first.ReceiveAsync("send_response", Within.Token()))!.Value;
        first.Drop(); // the engine never saw it

        var second = await transport.AcceptAsync(Within.Token());
        await second.AnswerJoinAsync("s1", pendingApprovals: ["ap1"], cancellationToken: Within.Token());
        var again = (await second.ReceiveAsync("send_response", Within.Token()))!.Value;

        Assert.Equal(RequestId(lost), RequestId(again));
        Assert.Equal("ap1", again.GetProperty("data").GetProperty("approval_id").GetString());
        Assert.False(again.GetProperty("data").GetProperty("approved").GetBoolean());
        Assert.False(answering.IsCompleted);
        await second.SendAsync(new ResponseAcceptedEvent { SessionId = "s1", RequestId = RequestId(again), Data = new ResponseAcceptedEventData { ApprovalId = "ap1", Approved = false, Repeated = false } });
        await answering.WaitAsync(Within.Limit);
    }

    [Fact]
    public async Task An_answer_whose_acknowledgement_was_lost_is_not_sent_again_when_no_longer_pending()
    {
        var (transport, client, session, first) = await ConnectedAsync();
        using var _c = client;
        await using var _s = session;

        var answering = session.RespondApprovalAsync(Request("ap1"), approved: true, cancellationToken: Within.Token());
        await first.ReceiveAsync("send_response", Within.Token());
        first.Drop(); // the engine took it; its acknowledgement was lost

        var second = await transport.AcceptAsync(Within.Token());
        await second.AnswerJoinAsync("s1", pendingApprovals: [], cancellationToken: Within.Token());
        await answering.WaitAsync(Within.Limit);

        // Nothing more was sent: the next frame the peer sees is the session's close at dispose.
        await session.DisposeAsync();
        Assert.Null(await second.ReceiveAsync("send_response", Within.Token()));
    }

    [Theory]
    [InlineData("approval_already_answered")]
    [InlineData("unknown_approval")]
    public async Task A_refused_answer_is_a_typed_exception(string code)
    {
        var (_, client, session, peer) = await ConnectedAsync();
        using var _c = client;
        await using var _s = session;

        var answering = session.RespondApprovalAsync(Request("ap1"), approved: true, cancellationToken: Within.Token());
        var frame = (await peer.ReceiveAsync("send_response", Within.Token()))!.Value;
        await peer.SendAsync(new ErrorEvent { SessionId = "s1", RequestId = RequestId(frame), Data = new ErrorEventData { Error = "refused", Code = code, Retryable = false } });

        var refused = await Assert.ThrowsAsync<ApprovalAnswerException>(() => answering.WaitAsync(Within.Limit));
        Assert.Equal(code, refused.Code);
        Assert.Equal("ap1", refused.ApprovalId);
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task An_answer_waiting_when_the_session_is_disposed_fails_with_a_session_exception()
    {
        var (_, client, session, peer) = await ConnectedAsync();
        using var _c = client;

        var answering = session.RespondApprovalAsync(Request("ap1"), approved: true, cancellationToken: Within.Token());
        await peer.ReceiveAsync("send_response", Within.Token());
        await session.DisposeAsync();

        await Assert.ThrowsAsync<SessionDisconnectedException>(() => answering.WaitAsync(Within.Limit));
    }
}
