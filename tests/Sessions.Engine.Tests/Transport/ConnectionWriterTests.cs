using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Engine.Faults;
using Sessions.Engine.Tests.Infrastructure;
using Sessions.Engine.Transport;
using Sessions.Protocol;

namespace Sessions.Engine.Tests.Transport;

/// <summary>
/// The writer's task ends quietly when the connection is lost under it, whatever the transport threw: Connection
/// awaits that task, and a faulted one would be rethrown into Kestrel.
/// </summary>
public sealed class ConnectionWriterTests
{
    public static TheoryData<string> LostConnections() => ["io", "aborted", "websocket"];

    [Theory]
    [MemberData(nameof(LostConnections))]
    public async Task A_send_that_fails_because_the_connection_is_gone_ends_the_writer_without_a_fault(string how)
    {
        Exception failure = how switch
        {
            "io" => new IOException("The peer reset the connection."),
            "aborted" => new ConnectionAbortedException("The connection was aborted."),
            _ => new WebSocketException(WebSocketError.ConnectionClosedPrematurely),
        };
        using var socket = new FailingSocket(failure);
        var writer = new ConnectionWriter(socket, new EngineFaults(ProtocolFacts.DefaultMaxFrameBytes), static () => { }, NullLogger.Instance, "c-test");
        writer.Send("{\"type\":\"pong\"}"u8.ToArray());
        writer.Send("{\"type\":\"pong\"}"u8.ToArray());

        var running = writer.RunAsync(CancellationToken.None);
        await running.WaitAsync(Deadline.Default);

        Assert.True(running.IsCompletedSuccessfully);
        Assert.Equal(1, socket.Sends);
    }

    [Fact]
    public async Task A_bug_in_sending_is_not_mistaken_for_a_lost_connection()
    {
        using var socket = new FailingSocket(new InvalidOperationException("a bug"));
        var writer = new ConnectionWriter(socket, new EngineFaults(ProtocolFacts.DefaultMaxFrameBytes), static () => { }, NullLogger.Instance, "c-test");
        writer.Send("{\"type\":\"pong\"}"u8.ToArray());

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.RunAsync(CancellationToken.None).WaitAsync(Deadline.Default));
    }

    /// <summary>A socket whose every send fails with the given exception.</summary>
    private sealed class FailingSocket(Exception failure) : WebSocket
    {
        public int Sends { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => WebSocketState.Open;

        public override string? SubProtocol => null;

        public override void Abort()
        {
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose()
        {
        }

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
            => throw new NotSupportedException("The writer never receives.");

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            Sends++;
            return Task.FromException(failure);
        }
    }
}
