using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;

namespace Sessions.Reliability.Tests.Faults;

/// <summary>
/// The history endpoint's every failure is a <see cref="SessionException"/>: refused, cut, stalled past the timeout,
/// or answered with something that is not the documented JSON. Only the caller's own cancellation stays a cancellation.
/// </summary>
public sealed class HistoryFailureTests
{
    private const string SessionId = "0123456789abcdef01234567";

    [Fact]
    public async Task A_refused_connection_is_a_SessionDisconnectedException()
    {
        // A port that was free a moment ago: nothing listens there, so the connect is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var history = new HistoryClient(new Uri($"http://127.0.0.1:{port}/"), new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential("sk-secret-key")), http: null, handler: null, TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<SessionDisconnectedException>(() => history.GetMessagesAsync(SessionId, null, Within.Token()));
        Assert.Equal("GET", error.Method);
        Assert.DoesNotContain("sk-secret-key", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_cut_in_the_middle_of_the_body_is_a_SessionDisconnectedException(bool reset)
    {
        await using var server = new OneShotHttpServer(async (socket, cancellationToken) =>
        {
            var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"session_id\":\"" + SessionId + "\",\"messa";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            socket.Close();
        });
        using var history = new HistoryClient(server.Address, new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential("k")), http: null, handler: null, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => history.GetMessagesAsync(SessionId, null, Within.Token()));
    }

    [Fact]
    public async Task A_connection_closed_before_any_answer_is_a_SessionDisconnectedException()
    {
        await using var server = new OneShotHttpServer((socket, _) =>
        {
            socket.Close();
            return Task.CompletedTask;
        });
        using var history = new HistoryClient(server.Address, new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential("k")), http: null, handler: null, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => history.GetPendingApprovalsAsync(SessionId, Within.Token()));
    }

    [Fact]
    public async Task No_answer_within_the_HttpClient_timeout_is_a_SessionTimeoutException_and_the_callers_cancellation_stays_a_cancellation()
    {
        await using var server = new OneShotHttpServer((_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken));
        using var history = new HistoryClient(server.Address, new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential("k")), http: null, handler: null, TimeSpan.FromMilliseconds(300));
        var timeout = await Assert.ThrowsAsync<SessionTimeoutException>(() => history.GetMessagesAsync(SessionId, null, Within.Token()));
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);

        using var patient = new HistoryClient(server.Address, new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential("k")), http: null, handler: null, TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.GetMessagesAsync(SessionId, null, caller.Token));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("42")]
    [InlineData("{\"session_id\":\"s\"}")]
    [InlineData("{\"session_id\":\"s\",\"messages\":[{\"id\":1}]}")]
    public async Task An_answer_that_is_not_the_documented_json_is_a_SessionException_with_code_bad_response(string body)
    {
        await using var server = new OneShotHttpServer(async (socket, cancellationToken) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray(), cancellationToken);
            socket.Shutdown(SocketShutdown.Send);
        });
        using var history = new HistoryClient(server.Address, new Sessions.Credentials.EngineAuthorization(new ApiKeyCredential("k")), http: null, handler: null, TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<SessionException>(() => history.GetMessagesAsync(SessionId, null, Within.Token()));
        Assert.Equal("bad_response", error.Code);
    }

    [Fact]
    public async Task A_session_lists_its_waiting_approvals_from_the_history_and_one_answered_from_there_resumes_the_turn()
    {
        await using var engine = await Engines.StartAsync();
        using var client = Engines.Client(engine);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        // ListenAsync registers its listener when called: each one is in place before what it waits for can happen,
        // and it ends quietly when cancelled, so each loop records what it saw and is checked after it.
        var listening = session.ListenAsync();
        await session.SendAsync("approve the email", Within.Token());
        var requested = false;
        await foreach (var evt in listening.WithCancellation(Within.Token()))
        {
            if (evt is ApprovalRequestEvent)
            {
                requested = true;
                break;
            }
        }

        Assert.True(requested, "no approval_request arrived");
        var pending = Assert.Single(await session.GetPendingApprovalsAsync(Within.Token()));
        var resuming = session.ListenAsync();
        await session.RespondApprovalAsync(pending.ToApprovalRequest(session.SessionId!), approved: true, cancellationToken: Within.Token());
        string? reply = null;
        await foreach (var evt in resuming.WithCancellation(Within.Token()))
        {
            if (evt is MessageCompleteEvent complete)
            {
                reply = complete.Data.Text;
                break;
            }
        }

        Assert.NotNull(reply);
        Assert.Contains("Approved", reply, StringComparison.Ordinal);
        Assert.Empty(await session.GetPendingApprovalsAsync(Within.Token()));
    }

    /// <summary>
    /// A raw TCP server that reads one request head and then does exactly what the test says: HttpListener or Kestrel
    /// cannot cut a response in the middle of its body or reset the socket, which is what these tests need.
    /// </summary>
    private sealed class OneShotHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;

        public OneShotHttpServer(Func<Socket, CancellationToken, Task> answer)
        {
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _serving = ServeAllAsync(answer);
        }

        public Uri Address { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped while it waited; what the test checked is the client's side.
            }

            _stop.Dispose();
        }

        // Every connection gets the same treatment: HttpClient may try a GET again on a new connection.
        private async Task ServeAllAsync(Func<Socket, CancellationToken, Task> answer)
        {
            var served = new System.Collections.Generic.List<Task>();
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    served.Add(ServeOneAsync(socket, answer));
                }
            }
            finally
            {
                await Task.WhenAll(served.Select(t => t.ContinueWith(static done => _ = done.Exception, TaskScheduler.Default)));
            }
        }

        private async Task ServeOneAsync(Socket accepted, Func<Socket, CancellationToken, Task> answer)
        {
            using var socket = accepted;
            var buffer = new byte[8192];
            var head = new StringBuilder();
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            await answer(socket, _stop.Token);
        }
    }
}
