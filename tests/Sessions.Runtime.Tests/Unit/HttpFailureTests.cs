using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// Every failure of a history or file request is a <see cref="SessionException"/>: the connection's, a handler's the
/// application added (a circuit breaker, a resilience timeout), and a body cut off while it is read. The handler
/// below plays both the engine and the application's handlers; no socket is opened.
/// </summary>
public sealed class HttpFailureTests
{
    /// <summary>What a resilience handler throws (Polly's BrokenCircuitException, TimeoutRejectedException...).</summary>
    private sealed class CircuitOpenException() : Exception("the circuit is open");

    private sealed class Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(answer(request));
    }

    /// <summary>A body that yields a few bytes, then fails as a reset connection does.</summary>
    private sealed class CutStream : Stream
    {
        private bool _gave;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_gave)
            {
                throw new IOException("connection reset by peer");
            }

            _gave = true;
            buffer[offset] = (byte)'x';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static SessionClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer)
        => new(new SessionClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), ApiKey = "k", HttpMessageHandler = new Handler(answer) });

    [Fact]
    public async Task A_handlers_own_exception_during_a_history_request_is_a_disconnected_exception()
    {
        using var client = Client(_ => throw new CircuitOpenException());

        var error = await Assert.ThrowsAsync<SessionDisconnectedException>(() => client.GetSession("s1").GetMessagesAsync(Within.Token()));

        Assert.IsType<CircuitOpenException>(error.InnerException);
        Assert.Equal("GET", error.Method);
    }

    [Fact]
    public async Task A_handlers_own_exception_when_opening_a_file_is_a_file_exception()
    {
        using var client = Client(_ => throw new CircuitOpenException());

        var error = await Assert.ThrowsAsync<SessionFileException>(() => client.GetSession("s1").OpenFileAsync("f1", Within.Token()));

        Assert.IsType<CircuitOpenException>(error.InnerException);
    }

    [Fact]
    public async Task An_error_body_cut_off_while_read_is_a_file_exception()
    {
        using var client = Client(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StreamContent(new CutStream()) });

        var error = await Assert.ThrowsAsync<SessionFileException>(() => client.GetSession("s1").OpenFileAsync("f1", Within.Token()));

        Assert.Equal("upload_failed", error.Code);
    }

    [Fact]
    public async Task A_download_cut_off_while_read_is_a_file_exception_naming_the_file()
    {
        using var client = Client(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutStream()) });
        await using var download = await client.GetSession("s1").OpenFileAsync("f1", Within.Token());

        var error = await Assert.ThrowsAsync<SessionFileException>(() => download.CopyToAsync(Stream.Null, Within.Token()));

        Assert.Equal("f1", error.FileName);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task A_web_socket_configuration_that_throws_is_a_session_exception()
    {
        using var client = new SessionClient(new SessionClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            ApiKey = "k",
            ConfigureWebSocket = _ => throw new ArgumentException("bad proxy setting"),
        });

        var error = await Assert.ThrowsAsync<SessionException>(() => client.Agent("a").CreateSessionAsync(Within.Token()));

        Assert.Equal("invalid_configuration", error.Code);
        Assert.IsType<ArgumentException>(error.InnerException);
    }
}
