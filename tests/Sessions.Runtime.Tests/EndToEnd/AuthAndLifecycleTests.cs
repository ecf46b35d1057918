using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

/// <summary>Keys, ownership, terminate, and disposal from every state.</summary>
public sealed class AuthAndLifecycleTests
{
    private const string KeyA = "key-a-0123456789";
    private const string KeyB = "key-b-9876543210";

    private static Task<LocalEngine> TwoKeyEngineAsync()
    {
        var options = new LocalEngineOptions();
        options.ApiKeys.Add(KeyA);
        options.ApiKeys.Add(KeyB);
        return LocalEngine.StartAsync(options);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error_with_status_and_no_key_in_it()
    {
        await using var engine = await TwoKeyEngineAsync();
        using var client = Clients.For(engine, apiKey: "wrong-key-secret-42");

        var error = await Assert.ThrowsAsync<SessionAuthenticationException>(() => client.Agent("a").CreateSessionAsync(Within.Token()));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.EndsWith("/v1/sessions/ws", error.Endpoint);
        Assert.DoesNotContain("wrong-key-secret-42", error.ToString());
    }

    [Fact]
    public async Task A_key_refused_while_reconnecting_ends_the_session_without_further_retries()
    {
        var first = await TwoKeyEngineAsync();
        var port = first.BaseAddress.Port;
        var policy = new CountingPolicy();
        using var client = Clients.For(first, o => o.ReconnectPolicy = policy, apiKey: KeyA);
        await using var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        var listening = session.ListenAsync().GetAsyncEnumerator(Within.Token());

        await first.DisposeAsync(); // the socket drops; the same address comes back knowing other keys
        var options = new LocalEngineOptions { Urls = "http://127.0.0.1:" + port };
        options.ApiKeys.Add("a-different-key");
        await using var second = await LocalEngine.StartAsync(options);

        var error = await Assert.ThrowsAsync<SessionAuthenticationException>(async () =>
        {
            while (await listening.MoveNextAsync())
            {
            }
        });

        Assert.Equal(SessionState.Disconnected, session.State); // not Reconnecting: the 401 ended the retries
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.True(policy.Calls >= 1);
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => session.SendAsync("anyone?"));
    }

    private sealed class CountingPolicy : IReconnectPolicy
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TimeSpan? NextDelay(ReconnectContext context)
        {
            Interlocked.Increment(ref _calls);
            return context.PreviousAttempts < 200 ? TimeSpan.FromMilliseconds(20) : null;
        }
    }

    [Fact]
    public async Task Another_keys_session_is_not_found_on_resume_and_on_history()
    {
        await using var engine = await TwoKeyEngineAsync();
        using var owner = Clients.For(engine, apiKey: KeyA);
        using var stranger = Clients.For(engine, apiKey: KeyB);
        await using var session = await owner.Agent("a").CreateSessionAsync(Within.Token());

        await Assert.ThrowsAsync<SessionNotFoundException>(() => stranger.ResumeSessionAsync(session.SessionId!, cancellationToken: Within.Token()));
        var history = await Assert.ThrowsAsync<SessionNotFoundException>(() => stranger.GetSession(session.SessionId!).GetMessagesAsync(Within.Token()));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, history.StatusCode);
    }

    [Fact]
    public async Task Disconnect_keeps_the_session_resumable_and_terminate_ends_it_for_good()
    {
        await using var engine = await LocalEngine.StartAsync();
        using var client = Clients.For(engine);
        var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        await Turns.RunAsync(session, "hello");
        var id = session.SessionId!;

        await session.DisconnectAsync(Within.Token());
        Assert.Equal(SessionState.Disconnected, session.State);
        Assert.False(session.IsConnected);
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => session.SendAsync("nobody hears"));

        await session.ConnectAsync(Within.Token()); // resumes after LastSeq: nothing old comes back
        var again = await Turns.RunAsync(session, "again");
        Assert.DoesNotContain(again, e => e is MessageCompleteEvent { Text: "You said: hello." });

        await session.TerminateAsync(Within.Token());
        Assert.Equal(SessionState.Terminated, session.State);
        var refused = await Assert.ThrowsAsync<SessionNotFoundException>(() => client.ResumeSessionAsync(id, cancellationToken: Within.Token()));
        Assert.Equal("session_terminated", refused.Code);
        await Assert.ThrowsAsync<SessionNotFoundException>(() => session.ConnectAsync());
        await session.DisposeAsync();
        Assert.Equal(SessionState.Disposed, session.State);
    }

    [Fact]
    public async Task Listening_ends_when_the_session_disconnects_or_is_terminated()
    {
        await using var engine = await LocalEngine.StartAsync();
        using var client = Clients.For(engine);
        var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        var listening = session.ListenAsync();

        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in listening.WithCancellation(Within.Token()))
            {
                count++;
            }

            return count;
        });
        await session.DisconnectAsync(Within.Token());

        Assert.Equal(0, await reading); // ended normally, not cancelled by the guard
        await session.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_never_throws_whatever_the_state()
    {
        await using var engine = await LocalEngine.StartAsync();
        using var client = Clients.For(engine);

        var created = client.GetSession("0123456789abcdef01234567");                    // never connected
        var connected = await client.Agent("a").CreateSessionAsync(Within.Token());   // idle
        var midTurn = await client.Agent("a").CreateSessionAsync(Within.Token());
        await midTurn.SendAsync("count 100000", Within.Token());                      // streaming
        var waiting = await client.Agent("a").CreateSessionAsync(Within.Token());
        var waitingEvents = waiting.ListenAsync<ApprovalRequestEvent>(cancellationToken: Within.Token()).GetAsyncEnumerator();
        await waiting.SendAsync("approve", Within.Token());
        Assert.True(await waitingEvents.MoveNextAsync());                             // waiting for approval
        var disconnected = await client.Agent("a").CreateSessionAsync(Within.Token());
        await disconnected.DisconnectAsync(Within.Token());
        var terminated = await client.Agent("a").CreateSessionAsync(Within.Token());
        await terminated.TerminateAsync(Within.Token());

        foreach (var session in new[] { created, connected, midTurn, waiting, disconnected, terminated })
        {
            await session.DisposeAsync().AsTask().WaitAsync(Within.Limit);
            await session.DisposeAsync(); // twice is fine
            Assert.Equal(SessionState.Disposed, session.State);
        }

        await waitingEvents.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_while_connecting_cancels_the_connect_and_returns()
    {
        await using var engine = await LocalEngine.StartAsync();
        using var client = Clients.For(engine, o => o.ConnectTimeout = TimeSpan.FromMinutes(5));
        string id;
        await using (var first = await client.Agent("a").CreateSessionAsync(Within.Token()))
        {
            id = first.SessionId!;
        }

        using var stall = engine.Faults.ForNextConnection().Stall(); // the engine will not answer connect_session
        var session = client.GetSession(id);
        var connecting = session.ConnectAsync();
        var guard = Within.Token();
        while (session.State != SessionState.Connecting)
        {
            await Task.Delay(10, guard);
        }

        await session.DisposeAsync().AsTask().WaitAsync(Within.Limit);

        Assert.Equal(SessionState.Disposed, session.State);
        // The caller's own token was not cancelled: the session was ended under it, which is a SessionException.
        var ended = await Assert.ThrowsAsync<SessionDisconnectedException>(() => connecting.WaitAsync(Within.Limit));
        Assert.Contains("ended while it was connecting", ended.Message);
    }

    [Fact]
    public async Task Dispose_while_reconnecting_stops_the_reconnection()
    {
        var engine = await LocalEngine.StartAsync();
        using var client = Clients.For(engine, o => o.ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 1000, MaxElapsed = TimeSpan.FromMinutes(5) });
        var session = await client.Agent("a").CreateSessionAsync(Within.Token());
        var listening = session.ListenAsync().GetAsyncEnumerator();
        await engine.DisposeAsync(); // the engine is gone: the session keeps trying

        var guard = Within.Token(); // the state has no event to await; poll it, bounded
        while (session.State != SessionState.Reconnecting)
        {
            await Task.Delay(10, guard);
        }

        await session.DisposeAsync().AsTask().WaitAsync(Within.Limit);

        Assert.Equal(SessionState.Disposed, session.State);
        Assert.False(await listening.MoveNextAsync().AsTask().WaitAsync(Within.Limit)); // the listener ended, normally
    }

    [Fact]
    public async Task Many_tasks_sending_at_once_all_get_through_intact()
    {
        await using var engine = await LocalEngine.StartAsync();
        using var client = Clients.For(engine);
        await using var session = await client.Agent("a").CreateSessionAsync(Within.Token());

        await Task.WhenAll(Enumerable.Range(0, 16).Select(task => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await session.SendAsync($"task {task} message {i}", Within.Token());
            }
        })));

        var users = (await session.GetMessagesAsync(Within.Token())).Where(m => m.Sender.Role == SessionMessageRole.User).Select(m => m.Text!).ToList();
        Assert.Equal(320, users.Count);
        Assert.Equal(320, users.Distinct().Count());
        for (var task = 0; task < 16; task++)
        {
            var mine = users.Where(u => u.StartsWith($"task {task} ", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"task {task} message {i}"), mine); // per-task order kept
        }
    }
}
