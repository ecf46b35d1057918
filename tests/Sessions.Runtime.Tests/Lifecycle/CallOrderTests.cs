using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Lifecycle;

/// <summary>
/// The call orders real applications produce, many rounds each, against the real engine: each call ends in success or
/// a <see cref="SessionException"/>, never a crash (such as a stack overflow from reconnecting recursively), another exception or a hang.
/// </summary>
public sealed class CallOrderTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private const int Rounds = 40;

    [Fact]
    public async Task Disconnect_then_connect_while_sending()
    {
        using var client = engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var sent = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await session.DisconnectAsync(Within.Token());
            var connecting = session.ConnectAsync(Within.Token());
            var sending = session.SendAsync("echo round " + round, Within.Token());
            await Settled(connecting);
            sent += await Settled(sending) ? 1 : 0;
        }

        Assert.True(session.IsConnected);
        await session.SendAsync("still works", Within.Token());
        Assert.True(sent > 0, "no send went through in " + Rounds + " rounds");
    }

    [Fact]
    public async Task Two_connects_at_once_open_one_connection()
    {
        using var client = engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        for (var round = 0; round < Rounds; round++)
        {
            await session.DisconnectAsync(Within.Token());
            var first = session.ConnectAsync(Within.Token());
            var second = session.ConnectAsync(Within.Token());
            Assert.True(await Settled(first));
            Assert.True(await Settled(second));
            Assert.Equal(SessionState.Connected, session.State);
        }

        await session.SendAsync("one connection", Within.Token());
    }

    [Fact]
    public async Task Dispose_while_connecting()
    {
        using var client = engine.Client();
        for (var round = 0; round < Rounds; round++)
        {
            var session = client.GetSession(await NewSessionIdAsync(client));
            var connecting = session.ConnectAsync(Within.Token());
            if (round % 2 == 1)
            {
                await Task.Yield();
            }

            await session.DisposeAsync().AsTask().WaitAsync(Within.Limit);
            await Settled(connecting);
            Assert.Equal(SessionState.Disposed, session.State);
            await Assert.ThrowsAnyAsync<SessionException>(() => session.SendAsync("after dispose", Within.Token()));
        }
    }

    [Fact]
    public async Task Send_after_terminate_and_terminate_while_sending()
    {
        using var client = engine.Client();
        for (var round = 0; round < Rounds; round++)
        {
            var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            var sending = session.SendAsync("racing the end", Within.Token());
            var terminating = session.TerminateAsync(Within.Token());
            await Settled(sending);
            Assert.True(await Settled(terminating));
            await Assert.ThrowsAsync<SessionNotFoundException>(() => session.SendAsync("after terminate", Within.Token()));
            await Assert.ThrowsAsync<SessionNotFoundException>(() => session.ConnectAsync(Within.Token()));
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connect_send_disconnect_and_dispose_from_many_threads_at_once()
    {
        using var client = engine.Client();
        for (var round = 0; round < Rounds / 4; round++)
        {
            var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
            var calls = new List<Task>();
            for (var i = 0; i < 8; i++)
            {
                var which = i;
                calls.Add(Task.Run(() => (which % 4) switch
                {
                    0 => session.ConnectAsync(Within.Token()),
                    1 => session.SendAsync("hello " + which, Within.Token()),
                    2 => session.DisconnectAsync(Within.Token()),
                    _ => session.ConnectAsync(Within.Token()),
                }));
            }

            calls.Add(Task.Run(async () => await session.DisposeAsync()));
            foreach (var call in calls)
            {
                await Settled(call);
            }

            Assert.Equal(SessionState.Disposed, session.State);
        }
    }

    private static async Task<string> NewSessionIdAsync(SessionClient client)
    {
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        return session.SessionId!;
    }

    /// <summary>True when the call succeeded, false when it failed with a SessionException; anything else (or a hang) fails the test.</summary>
    private static async Task<bool> Settled(Task call)
    {
        try
        {
            await call.WaitAsync(Within.Limit);
            return true;
        }
        catch (SessionException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            Assert.Fail("A call hung.");
            throw;
        }
    }
}
