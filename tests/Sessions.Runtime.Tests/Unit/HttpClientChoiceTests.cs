using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// Which HttpClient a history or file request uses: a new one from <see cref="SessionClientOptions.HttpClientFactory"/>
/// for each request (disposed after it), and <see cref="SessionClientOptions.RequestTimeout"/> bounds a history request
/// whichever client sends it.
/// </summary>
public sealed class HttpClientChoiceTests
{
    private sealed class EmptyHistory : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"session_id\":\"s1\",\"messages\":[]}") });
    }

    private sealed class Silent : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task The_factory_makes_a_client_for_each_request_and_files_use_it_too()
    {
        var made = 0;
        var handler = new EmptyHistory();
        using var client = new SessionClient(new SessionClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            ApiKey = "k",
            HttpClientFactory = () =>
            {
                Interlocked.Increment(ref made);
                return new HttpClient(handler, disposeHandler: false);
            },
        });
        var session = client.GetSession("s1");

        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
        await using (var download = await session.OpenFileAsync("f1", Within.Token()))
        {
            Assert.True(download.CanRead);
        }

        Assert.Equal(3, made);
    }

    [Fact]
    public async Task RequestTimeout_bounds_a_history_request_on_the_applications_client()
    {
        using var unbounded = new HttpClient(new Silent()) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new SessionClient(new SessionClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            ApiKey = "k",
            HttpClient = unbounded,
            RequestTimeout = TimeSpan.FromMilliseconds(100),
        });

        var error = await Assert.ThrowsAsync<SessionTimeoutException>(() => client.GetSession("s1").GetMessagesAsync(Within.Token()));

        Assert.Contains("RequestTimeout", error.Message, StringComparison.Ordinal);
    }
}
