using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Engine.Faults;
using Sessions.Engine.Tests.Infrastructure;
using Sessions.Engine.Transport;
using Sessions.Protocol;

namespace Sessions.Engine.Tests.Transport;

/// <summary>
/// The writer sends a frame on the producer's thread when no send is in flight (no hop to its own loop), and a
/// producer never waits for the network: while a send is in flight, frames queue and go out after it, in order.
/// </summary>
public sealed class InlineSendTests
{
    private static byte[] Frame(string name) => Encoding.UTF8.GetBytes("{\"type\":\"" + name + "\"}");

    [Fact]
    public async Task An_idle_writer_sends_on_the_producers_thread_before_Send_returns()
    {
        using var socket = new RecordingSocket();
        var writer = new ConnectionWriter(socket, new EngineFaults(ProtocolFacts.DefaultMaxFrameBytes), static () => { }, NullLogger.Instance, "c-test");
        var running = writer.RunAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            writer.Send(Frame("f" + i));
            Assert.Equal(i + 1, socket.Sent.Count);
            Assert.Equal(Environment.CurrentManagedThreadId, socket.Sent[i].Thread);
        }

        writer.Complete();
        await running.WaitAsync(Deadline.Default);
        Assert.Equal(["f0", "f1", "f2"], socket.Names());
    }

    [Fact]
    public async Task While_a_send_is_in_flight_producers_only_queue_and_the_frames_follow_in_order()
    {
        using var socket = new RecordingSocket();
        var writer = new ConnectionWriter(socket, new EngineFaults(ProtocolFacts.DefaultMaxFrameBytes), static () => { }, NullLogger.Instance, "c-test");
        var running = writer.RunAsync(CancellationToken.None);
        var network = socket.HoldNextSend();

        writer.Send(Frame("first")); // starts sending, then waits for the network off this thread
        writer.Send(Frame("second"));
        writer.Send(Frame("third"));
        Assert.Equal(["first"], socket.Names());

        network.SetResult();
        await socket.WaitForAsync(3).WaitAsync(Deadline.Default);
        Assert.Equal(["first", "second", "third"], socket.Names());
        writer.Complete();
        await running.WaitAsync(Deadline.Default);
    }

    /// <summary>Records each frame sent and the thread that sent it; one send can be held until the test releases it.</summary>
    private sealed class RecordingSocket : WebSocket
    {
        private readonly object gate = new();
        private TaskCompletionSource? held;
        private TaskCompletionSource<bool>? countReached;
        private int countWanted;

        public List<(string Json, int Thread)> Sent { get; } = [];

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => WebSocketState.Open;

        public override string? SubProtocol => null;

        public TaskCompletionSource HoldNextSend()
        {
            held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return held;
        }

        public List<string> Names()
        {
            lock (gate)
            {
                return Sent.ConvertAll(s => s.Json.Split('"')[3]);
            }
        }

        public Task WaitForAsync(int count)
        {
            lock (gate)
            {
                countWanted = count;
                countReached = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (Sent.Count >= count)
                {
                    countReached.TrySetResult(true);
                }

                return countReached.Task;
            }
        }

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
            lock (gate)
            {
                Sent.Add((Encoding.UTF8.GetString(buffer), Environment.CurrentManagedThreadId));
                if (countReached is not null && Sent.Count >= countWanted)
                {
                    countReached.TrySetResult(true);
                }
            }

            var pending = held;
            held = null;
            return pending?.Task ?? Task.CompletedTask;
        }
    }
}
