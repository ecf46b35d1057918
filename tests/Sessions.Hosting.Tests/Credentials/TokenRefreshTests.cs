using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Hosting.Tests.Infrastructure;
using Xunit;

namespace Sessions.Hosting.Tests.Credentials;

/// <summary>A token provider asked on every connect, reconnect and history request, and once more after a 401.</summary>
public sealed class TokenRefreshTests : IAsyncLifetime
{
    private const string Good = "tok-GOOD-7c41e9";
    private const string Expired = "tok-EXPIRED-0b2d55";
    private LocalEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalEngineOptions();
        options.ApiKeys.Add(Good);
        _engine = await LocalEngine.StartAsync(options);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task The_credential_is_asked_on_connect_on_each_reconnect_and_for_history()
    {
        var credential = new RecordingCredential((_, _) => Good);
        using var client = Client(credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        Assert.Single(credential.Requests);

        _engine.Faults.DropAfterEvents(session.SessionId!, 3);
        var events = await Conversation.TurnAsync(session, "count 8");
        Assert.Equal("1 2 3 4 5 6 7 8", string.Concat(events.OfType<MessageDeltaEvent>().Select(d => d.Delta)).Trim());
        var afterReconnect = credential.Requests.Count;
        Assert.True(afterReconnect >= 2, "the reconnect asked for a token again");

        await session.GetMessagesAsync(Within.Token());
        Assert.Equal(afterReconnect + 1, credential.Requests.Count);
        Assert.Equal(SessionTokenPurpose.History, credential.Requests.Last().Purpose);
        Assert.Equal(session.SessionId, credential.Requests.Last().SessionId);
        Assert.All(credential.Requests, request => Assert.False(request.ForceRefresh));
    }

    [Fact]
    public async Task A_401_during_a_reconnect_asks_for_a_fresh_token_once_and_the_session_goes_on()
    {
        // The first token works; the cached one handed out for the reconnect has expired; a forced refresh gives a good one.
        var credential = new RecordingCredential((context, count) => count == 1 || context.ForceRefresh ? Good : Expired);
        using var client = Client(credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        _engine.Faults.DropAfterEvents(session.SessionId!, 3);

        var events = await Conversation.TurnAsync(session, "count 6");

        Assert.Equal("1 2 3 4 5 6", string.Concat(events.OfType<MessageDeltaEvent>().Select(d => d.Delta)).Trim());
        Assert.True(session.IsConnected);
        var requests = credential.Requests.ToArray();
        Assert.False(requests[1].ForceRefresh);
        Assert.True(requests[2].ForceRefresh);
        Assert.Equal(SessionTokenPurpose.WebSocket, requests[2].Purpose);
        Assert.Equal(session.SessionId, requests[2].SessionId);
    }

    [Fact]
    public async Task A_401_that_a_fresh_token_does_not_cure_ends_the_session_with_an_authentication_error()
    {
        var credential = new RecordingCredential((_, count) => count == 1 ? Good : Expired);
        using var client = Client(credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        var events = session.ListenAsync(maxQueue: 0);
        _engine.Faults.DropAfterEvents(session.SessionId!, 2);
        await session.SendAsync("count 6", Within.Token());

        var error = await Assert.ThrowsAsync<SessionAuthenticationException>(async () =>
        {
            await foreach (var _ in events.WithCancellation(Within.Token()))
            {
            }
        });

        Assert.Equal(SessionState.Disconnected, session.State);
        Assert.Equal(3, credential.Requests.Count); // the connect, the reconnect, the forced refresh: then no more
        Assert.DoesNotContain(Expired, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_on_history_is_retried_once_with_a_fresh_token()
    {
        var credential = new RecordingCredential((context, count) => context.Purpose == SessionTokenPurpose.History && !context.ForceRefresh ? Expired : Good);
        using var client = Client(credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        await Conversation.TurnAsync(session, "hello");

        var messages = await session.GetMessagesAsync(Within.Token());

        Assert.NotEmpty(messages);
        Assert.Contains(credential.Requests, r => r.Purpose == SessionTokenPurpose.History && r.ForceRefresh);
    }

    [Fact]
    public async Task A_credential_that_throws_or_returns_nothing_fails_with_an_authentication_error_that_names_it()
    {
        using var throwing = Client(SessionCredential.FromCallback((_, _) => throw new InvalidOperationException("identity provider down")));
        var error = await Assert.ThrowsAsync<SessionAuthenticationException>(() => throwing.Agent("agent").CreateSessionAsync(Within.Token()));
        Assert.Contains("FromCallback", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(InvalidOperationException).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException); // not chained: its message may quote a token

        using var empty = Client(SessionCredential.FromCallback((_, _) => new ValueTask<SessionToken>(new SessionToken(""))));
        var emptyError = await Assert.ThrowsAsync<SessionAuthenticationException>(() => empty.Agent("agent").CreateSessionAsync(Within.Token()));
        Assert.Contains("empty token", emptyError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fixed_key_stays_the_simple_path()
    {
        using var client = new SessionClient(_engine.BaseAddress, Good);
        Assert.IsType<ApiKeyCredential>(client.Credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        Assert.True(session.IsConnected);
    }

    private SessionClient Client(SessionCredential credential) => new(new SessionClientOptions
    {
        BaseAddress = _engine.BaseAddress,
        Credential = credential,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
    });
}
