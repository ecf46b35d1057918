using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Load;

/// <summary>Must hold (4): 16 tasks each sending 500 messages on one session: the engine receives all 8,000 intact and in per-task order.</summary>
public sealed class ConcurrencyTests
{
    private const int Tasks = 16;
    private const int PerTask = 500;

    private readonly ITestOutputHelper _output;

    public ConcurrencyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Sixteen_tasks_sending_500_messages_each_on_one_session_arrive_all_intact_and_in_per_task_order()
    {
        var logs = new CapturingLoggerFactory();
        var lost = logs.Count(Engines.ClientCategory, 3);
        await using var engine = await Engines.StartAsync(o => o.Agent = new OkAgent());
        using var client = Engines.Client(engine, o => o.LoggerFactory = logs);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var clock = Stopwatch.StartNew();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < PerTask; i++)
            {
                await session.SendAsync(Text(task, i), guard.Token);
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(senders);
        var elapsed = clock.Elapsed;

        var history = await session.GetMessagesAsync(guard.Token);
        var users = history.Where(m => m.Sender.Role == SessionMessageRole.User).ToList();
        var intact = 0;
        var next = new int[Tasks];
        var outOfOrder = 0;
        foreach (var message in users)
        {
            var text = message.Text!;
            var task = int.Parse(text.AsSpan(1, 2), provider: null);
            var i = int.Parse(text.AsSpan(4, 3), provider: null);
            if (text == Text(task, i))
            {
                intact++;
            }

            if (i != next[task]++)
            {
                outOfOrder++;
            }
        }

        Figures.Report(_output, "4 concurrency", "messages sent by 16 tasks on one session", Tasks * PerTask);
        Figures.Report(_output, "4 concurrency", "messages the engine stored intact", intact);
        Figures.Report(_output, "4 concurrency", "messages out of per-task order", outOfOrder);
        Figures.Report(_output, "4 concurrency", "acknowledged sends per second", Tasks * PerTask / elapsed.TotalSeconds, "/s");

        Assert.Equal(Tasks * PerTask, users.Count);
        Assert.Equal(Tasks * PerTask, intact);
        Assert.Equal(0, outOfOrder);
        Assert.All(next, n => Assert.Equal(PerTask, n));
        Assert.Equal(users.Select(m => m.Seq).Order(), users.Select(m => m.Seq));
        Assert.Equal(0, lost.Value);
    }

    /// <summary>"tTT#III|" and a payload of 0 to 700 characters, different for each message: multi-byte, escapes, JSON-ish.</summary>
    private static string Text(int task, int i)
    {
        const string Alphabet = "abcXYZ019 \"\\/\n\t{}[]:,é漢字🙂\u0001";
        var length = ((task * 131) + (i * 17)) % 700;
        var text = new StringBuilder(length + 8).Append('t').Append(task.ToString("D2", null)).Append('#').Append(i.ToString("D3", null)).Append('|');
        var state = (uint)((task * 7919) + i + 1);
        for (var k = 0; k < length; k++)
        {
            state = (state * 1664525) + 1013904223;
            var pick = (int)(state >> 16) % Alphabet.Length;
            text.Append(char.IsHighSurrogate(Alphabet[pick]) ? Alphabet.Substring(pick, 2) : char.IsLowSurrogate(Alphabet[pick]) ? "x" : Alphabet[pick].ToString());
        }

        return text.ToString();
    }

    /// <summary>Answers every turn at once: the test is about what arrives, not about replies.</summary>
    private sealed class OkAgent : IAgent
    {
        public Task RunTurnAsync(AgentTurn turn, CancellationToken cancellationToken) => turn.CompleteAsync("ok", cancellationToken).AsTask();
    }
}
