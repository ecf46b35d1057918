using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Reliability.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Network;

/// <summary>
/// Many concurrent sessions through a TCP proxy that cuts (gracefully and with resets, mid-frame),
/// fragments, delays, stalls and refuses, with one seed (printed; <c>SESSIONS_FAULT_SEED</c> replays one). Every stored
/// event is seen once and in order, every reply has the right text, every approval is applied once as decided, only
/// <see cref="SessionException"/>s are raised, no task is left faulted and unobserved, nothing hangs, disposal is bounded.
/// </summary>
public sealed class FaultProxyTests
{
    private const int Sessions = 12;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(40);

    private readonly ITestOutputHelper _output;

    public FaultProxyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Long_streamed_turns_of_12_concurrent_sessions_arrive_whole_once_and_in_order_through_byte_level_faults()
    {
        // Sessions are created before the faults are armed: a CreateSessionAsync that fails leaves a faulted task nobody
        // observes; the approval test creates under faults.
        var result = await RunAsync("13 fault proxy, streamed", createUnderFaults: false, run => run.RunAsync(Sessions, session => Enumerable.Range(1, 4)
            .Select(turn => Counting(500, $"s{session}t{turn}"))
            .ToArray()));
        Assert.True(result.Turns == Sessions * 4, Describe(result));
    }

    [Fact]
    public async Task Approval_turns_approved_and_denied_of_12_concurrent_sessions_are_applied_once_as_decided_through_byte_level_faults()
    {
        // Approvals alternate with long streamed turns, so that cuts fall while answers are in flight as well as between.
        var result = await RunAsync("13 fault proxy, approvals", createUnderFaults: true, run => run.RunAsync(Sessions, session => new[]
        {
            Approval($"s{session}t1", approve: true),
            Counting(200, $"s{session}t2"),
            Approval($"s{session}t3", approve: false),
            Approval($"s{session}t4", approve: true),
            Approval($"s{session}t5", approve: false),
        }));
        Assert.True(result.Turns == Sessions * 5, Describe(result));
    }

    private static PlannedTurn Counting(int deltas, string tag)
        => new($"count {deltas} delay 1 {tag}", string.Concat(Enumerable.Range(1, deltas).Select(n => n == 1 ? "1" : " " + n.ToString(CultureInfo.InvariantCulture))), Approve: null);

    private static PlannedTurn Approval(string tag, bool approve)
        => approve
            ? new($"approve {tag}", $"You said: approve {tag}. Approved: I sent the email to team@example.com.", Approve: true)
            : new($"approve {tag}", $"You said: approve {tag}. Denied: I did not send the email (not now {tag}).", Approve: false, DenyReason: $"not now {tag}");

    private async Task<FaultRunResult> RunAsync(string item, bool createUnderFaults, Func<FaultRun, Task<FaultRunResult>> body)
    {
        var seed = Environment.GetEnvironmentVariable("SESSIONS_FAULT_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Environment.TickCount & int.MaxValue;
        _output.WriteLine($"seed {seed} (replay with SESSIONS_FAULT_SEED={seed})");
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs args) => unobserved.Enqueue(args.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        FaultRunResult result;
        try
        {
            await using (var engine = await Engines.StartAsync())
            {
                await using var proxy = new FaultProxy(engine.BaseAddress, seed, new FaultSchedule(), armed: createUnderFaults);
                result = await body(new FaultRun(engine, proxy, HangLimit));
            }

            // Faulted tasks nobody observed surface when they are collected.
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Figures.Report(_output, item, "seed", result.Seed);
        Figures.Report(_output, item, "connections", result.Faults.Connections);
        Figures.Report(_output, item, "cuts (graceful)", result.Faults.CutsGraceful);
        Figures.Report(_output, item, "cuts (reset)", result.Faults.CutsReset);
        Figures.Report(_output, item, "cuts client->engine", result.Faults.CutsUpstream);
        Figures.Report(_output, item, "cuts engine->client", result.Faults.CutsDownstream);
        Figures.Report(_output, item, "stalls", result.Faults.Stalls);
        Figures.Report(_output, item, "refusal windows (listener closed: connections refused)", result.Faults.RefusalWindows);
        Figures.Report(_output, item, "fragmented reads (1-7 byte pieces)", result.Faults.FragmentedReads);
        Figures.Report(_output, item, "jitters", result.Faults.Jitters);
        Figures.Report(_output, item, "turns completed", result.Turns);
        Figures.Report(_output, item, "events checked", result.EventsChecked);
        Figures.Report(_output, item, "events lost", result.Lost);
        Figures.Report(_output, item, "events duplicated", result.Duplicated);
        Figures.Report(_output, item, "events out of order", result.Reordered);
        Figures.Report(_output, item, "hangs", result.Hangs);
        Figures.Report(_output, item, "posts made again (not in the history)", result.Reposts);
        Figures.Report(_output, item, "answers given again", result.Reanswers);
        Figures.Report(_output, item, "disposals over the limit", result.DisposalsOverLimit);
        Figures.Report(_output, item, "unobserved task exceptions", unobserved.Count);
        foreach (var (type, count) in result.SessionExceptions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Figures.Report(_output, item, "SessionExceptions seen: " + type, count);
        }

        foreach (var problem in result.Problems.Take(20))
        {
            _output.WriteLine("problem: " + problem);
        }

        foreach (var exception in unobserved.Take(5))
        {
            _output.WriteLine("unobserved: " + exception);
        }

        Assert.True(result.Problems.Count == 0, Describe(result) + " First problem: " + result.Problems.FirstOrDefault());
        Assert.True(unobserved.IsEmpty, $"seed {seed}: {unobserved.Count} task exceptions nobody observed; first: {unobserved.FirstOrDefault()}");
        Assert.Equal(0, result.Lost + result.Duplicated + result.Reordered + result.Hangs + result.DisposalsOverLimit);
        Assert.True(result.Faults.Cuts > 0, Describe(result) + " (the run must have cut connections to prove anything)");
        return result;
    }

    private static string Describe(FaultRunResult result)
        => $"seed {result.Seed}: {result.Faults}; turns {result.Turns}, events checked {result.EventsChecked}, lost {result.Lost}, duplicated {result.Duplicated}, out of order {result.Reordered}, hangs {result.Hangs}, problems {result.Problems.Count}.";
}
