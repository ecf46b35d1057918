using System;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

public sealed class SessionClientTests
{
    private const string Key = "sk-test-0123456789abcdef";

    [Theory]
    [InlineData("http://10.1.2.3:8080/")]
    [InlineData("ws://engine.example.com/")]
    public void Clear_text_to_a_remote_host_is_refused_without_the_key_in_the_message(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => new SessionClient(new Uri(address), Key));
        Assert.Contains("clear-text", error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Theory]
    [InlineData("https://user:pw-SECRET@engine.example.com/", "user information")]
    [InlineData("https://engine.example.com/?key=SECRET", "query string")]
    [InlineData("https://engine.example.com/#SECRET", "fragment")]
    public void An_address_with_user_information_a_query_or_a_fragment_is_refused_without_repeating_it(string address, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new SessionClient(new Uri(address), Key));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetSession_refuses_an_empty_id_as_ResumeSessionAsync_does()
    {
        using var client = new SessionClient(new Uri("http://127.0.0.1:1/"), Key);
        Assert.Throws<ArgumentException>(() => client.GetSession(""));
        Assert.Throws<ArgumentNullException>(() => client.GetSession(null!));
        Assert.Equal("s1", client.GetSession("s1").SessionId);
    }

    [Fact]
    public void A_relative_address_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new SessionClient(new Uri("engine/", UriKind.Relative), Key));
        Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_text_to_a_remote_host_is_allowed_on_request()
    {
        using var client = new SessionClient(new SessionClientOptions { BaseAddress = new Uri("http://10.1.2.3:8080"), ApiKey = Key, AllowInsecureTransport = true });
        Assert.Equal("http://10.1.2.3:8080/", client.BaseAddress.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("https://engine.example.com/base/")]
    [InlineData("ws://localhost:5000/")]
    public void Loopback_and_encrypted_addresses_are_accepted(string address)
    {
        using var client = new SessionClient(new Uri(address), Key);
        Assert.EndsWith("/", client.BaseAddress.AbsoluteUri);
        Assert.DoesNotContain(Key, client.ToString());
    }

    [Fact]
    public void The_web_socket_address_keeps_the_base_path_and_security()
    {
        using var secure = new SessionClient(new Uri("https://engine.example.com/base"), Key);
        using var local = new SessionClient(new Uri("http://127.0.0.1:5000/"), Key);

        Assert.Equal("wss://engine.example.com/base/v1/sessions/ws", secure.WebSocketAddress.AbsoluteUri);
        Assert.Equal("ws://127.0.0.1:5000/v1/sessions/ws", local.WebSocketAddress.AbsoluteUri);
    }

    [Fact]
    public void A_missing_key_is_a_clear_error()
    {
        var previous = Environment.GetEnvironmentVariable(SessionClientOptions.ApiKeyVariable);
        Environment.SetEnvironmentVariable(SessionClientOptions.ApiKeyVariable, null);
        try
        {
            var error = Assert.Throws<ArgumentException>(() => new SessionClient(new SessionClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/") }));
            Assert.Contains(SessionClientOptions.ApiKeyVariable, error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SessionClientOptions.ApiKeyVariable, previous);
        }
    }

    [Fact]
    public void Convenience_members_read_the_typed_payloads()
    {
        SessionEvent delta = new MessageDeltaEvent { SessionId = "s", Data = new MessageDeltaEventData { Delta = "He" } };
        SessionEvent complete = new MessageCompleteEvent { SessionId = "s", Data = new MessageCompleteEventData { Text = "Hello", Status = SessionMessageStatus.Complete } };
        SessionEvent error = new ErrorEvent { SessionId = "s", Data = new ErrorEventData { Error = "boom", Code = "agent_failed", Retryable = false } };

        Assert.Equal("He", delta.Delta);
        Assert.Null(delta.Text);
        Assert.False(delta.IsComplete);
        Assert.Equal("Hello", complete.Text);
        Assert.True(complete.IsComplete);
        Assert.Equal("boom", error.Error);
        Assert.False(((ErrorEvent)error).IsQueueOverflow);
    }
}
