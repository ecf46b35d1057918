using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Load;

/// <summary>Must hold (5): 200 concurrent sessions x 20 turns against one in-process engine: all complete, zero errors; report turns per second.</summary>
public sealed class LoadTests
{
    private const int Sessions = 200;
    private const int TurnsEach = 20;

    private readonly ITestOutputHelper _output;

    public LoadTests(ITestOutputHelper output) => _output = output;

    /// <param name="foldWindowMs">
    /// The engine's fold window: 50 ms is its default (each turn then waits 50 ms for more posts, so each session's 20
    /// turns take a second at least); 0 starts a turn when its post arrives, so the figure is the throughput of the
    /// engine and the runtime themselves.
    /// </param>
    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    public async Task Two_hundred_sessions_of_twenty_turns_each_all_complete_without_an_error(int foldWindowMs)
    {
        var logs = new CapturingLoggerFactory();
        var lost = logs.Count(Engines.ClientCategory, 3);
        await using var engine = await Engines.StartAsync(o => o.FoldWindow = TimeSpan.FromMilliseconds(foldWindowMs));
        using var client = Engines.Client(engine, o =>
        {
            o.LoggerFactory = logs;
            o.RequestTimeout = TimeSpan.FromSeconds(60);
            o.ConnectTimeout = TimeSpan.FromSeconds(60);
        });
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var errors = 0;
        var completed = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var clock = Stopwatch.StartNew();
        var sessions = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(_ => client.Agent("agent-1").CreateSessionAsync(guard.Token)));
        var connected = clock.Elapsed;
        var running = sessions.Select((session, s) => Task.Run(async () =>
        {
            for (var turn = 0; turn < TurnsEach; turn++)
            {
                try
                {
                    var events = session.ListenAsync(maxQueue: 0);
                    var text = $"turn {turn} of session {s}";
                    await session.SendAsync(text, guard.Token);
                    var seen = new List<SessionEvent>();
                    await foreach (var evt in events.WithCancellation(guard.Token))
                    {
                        seen.Add(evt);
                        if (evt.IsComplete)
                        {
                            break;
                        }
                    }

                    var complete = (MessageCompleteEvent)seen[^1];
                    if (complete.Data.Status != SessionMessageStatus.Complete || complete.Text != $"You said: {text}." || seen.OfType<ErrorEvent>().Any()
                        || string.Concat(seen.OfType<MessageDeltaEvent>().Select(d => d.Delta)) != complete.Text)
                    {
                        Interlocked.Increment(ref errors);
                        failures.Enqueue($"session {s} turn {turn}: {complete.Data.Status} '{complete.Text}'");
                    }
                    else
                    {
                        Interlocked.Increment(ref completed);
                    }
                }
                catch (Exception exception) when (exception is SessionException or OperationCanceledException or InvalidCastException)
                {
                    Interlocked.Increment(ref errors);
                    failures.Enqueue($"session {s} turn {turn}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        })).ToArray();
        await Task.WhenAll(running);
        var elapsed = clock.Elapsed - connected;
        await Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask()));

        foreach (var failure in failures.Take(10))
        {
            _output.WriteLine(failure);
        }

        var item = $"5 load, fold window {foldWindowMs} ms";
        Figures.Report(_output, item, "sessions connected concurrently", Sessions);
        Figures.Report(_output, item, "seconds to connect them all", connected.TotalSeconds, "s");
        Figures.Report(_output, item, "turns completed", completed);
        Figures.Report(_output, item, "errors", errors);
        Figures.Report(_output, item, "turns per second (200 sessions in parallel, 2 cores, engine in process)", completed / elapsed.TotalSeconds, "turns/s");

        Assert.Equal(0, errors);
        Assert.Equal(Sessions * TurnsEach, completed);
        Assert.Equal(0, lost.Value);
    }
}
