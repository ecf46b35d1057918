using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Benchmarks.Infrastructure;

namespace Sessions.Benchmarks.EndToEnd;

// Goals 3-6 are custom measurement code, not BenchmarkDotNet: one measurement is a whole turn of thousands of frames
// between two processes (throughput), a distribution of single round trips (percentiles), or a process-wide memory
// snapshot with a thousand live connections. BenchmarkDotNet's model (many identical invocations of a method, mean
// time and per-invocation allocations on one thread) fits none of them. Ours and the baseline run in the same process
// against the same server process, interleaved round by round, and the ratio of their medians is reported.

/// <summary>Goals 3 (throughput), 4 (fan-out), 5 (idle memory) and 6 (latency), end to end over loopback.</summary>
public static class EndToEndGoals
{
    private const string AgentId = "bench-agent";

    /// <summary>The most warm-up rounds (a turn on each side) goal 3 runs while the JIT is still compiling.</summary>
    private const int MaximumWarmRounds = 12;

    /// <summary>How long goal 6 warms up at least before it measures.</summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(BenchOptions options, Report report, ISet<int> goals)
    {
        var server = await ServerProcess.StartAsync().ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            using var client = new SessionClient(new SessionClientOptions
            {
                BaseAddress = server.EngineAddress,
                ApiKey = server.ApiKey,
                ReconnectPolicy = null,
                RequestTimeout = TimeSpan.FromSeconds(60),
            });

            if (goals.Contains(3))
            {
                await Step(report, 3, () => ThroughputAsync(options, report, server, client)).ConfigureAwait(false);
            }

            if (goals.Contains(4))
            {
                await Step(report, 4, () => FanOutAsync(options, report, client)).ConfigureAwait(false);
            }

            if (goals.Contains(6))
            {
                await Step(report, 6, () => LatencyAsync(options, report, server, client)).ConfigureAwait(false);
            }

            if (goals.Contains(5))
            {
                await Step(report, 5, () => IdleMemoryAsync(options, report, server, client)).ConfigureAwait(false);
            }
        }
    }

    private static async Task Step(Report report, int goal, Func<Task> run)
    {
        Console.WriteLine($"== Goal {goal} ==");
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await run().WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            report.Note($"goal {goal} failed: {exception.GetType().Name}: {exception.Message}");
            Console.Error.WriteLine(exception);
        }

        Console.WriteLine($"   goal {goal} took {clock.Elapsed.TotalSeconds:0} s");
    }

    // ---- goal 3 ----

    private static async Task ThroughputAsync(BenchOptions options, Report report, ServerProcess server, SessionClient client)
    {
        var deltas = options.Quick ? 100_000 : 200_000;
        var rounds = options.Quick ? 7 : 11;
        var text = "count " + deltas;
        var oursRates = new List<double>();
        var bareRates = new List<double>();
        var oursCpu = new List<double>();
        var bareCpu = new List<double>();
        var ours = new List<WorkPerEvent>();
        var bareWork = new List<WorkPerEvent>();
        var parsingRates = new List<double>();
        // Every turn has a session of its own, terminated after it. A session keeps every event it sent (for resume and
        // history): 100,000 deltas a turn, kept round after round in two sessions, grew the engine's process to 960 MB
        // (440 MB with a session per turn), and the engine's collections fell on whichever side's round was running.
        //
        // Warm-up rounds, a turn on each side as long as the measured ones, until a whole round made the JIT compile
        // nothing new (at least two rounds): tiered compilation moves hot code to its optimised tiers in the background,
        // after a delay that restarts whenever new code runs, and its threads' CPU counts in the process's. Measured
        // before it settles, the first rounds ran partly unoptimised code and paid for the compiling (up to 4,300 ns
        // of CPU per event in the first round, 700 ns in the last). Then interleaved measured rounds (the order
        // alternates); only the turn itself is measured, not opening or ending its session.
        var warmRounds = 0;
        for (var compiled = -1L; warmRounds < 2 || (compiled != JitInfo.GetCompiledMethodCount() && warmRounds < MaximumWarmRounds); warmRounds++)
        {
            compiled = JitInfo.GetCompiledMethodCount();
            await OursRoundAsync(client, text, (_, _) => { }).ConfigureAwait(false);
            await BareRoundAsync(server, text, parse: false, (_, _) => { }).ConfigureAwait(false);
            await BareRoundAsync(server, text, parse: true, (_, _) => { }).ConfigureAwait(false);
        }

        Console.WriteLine($"   warmed with {warmRounds} rounds");

        for (var round = 0; round < rounds; round++)
        {
            for (var side = 0; side < 3; side++)
            {
                var which = (side + round) % 3;
                if (which == 2)
                {
                    await BareRoundAsync(server, text, parse: true, (frames, measure) => parsingRates.Add(frames / measure.Elapsed.TotalSeconds)).ConfigureAwait(false);
                }
                else if (which == 0)
                {
                    await BareRoundAsync(server, text, parse: false, (frames, measure) =>
                    {
                        bareRates.Add(frames / measure.Elapsed.TotalSeconds);
                        bareCpu.Add(measure.CpuMilliseconds * 1_000_000 / frames);
                        bareWork.Add(measure.Work.Stop(frames));
                    }).ConfigureAwait(false);
                }
                else
                {
                    await OursRoundAsync(client, text, (events, measure) =>
                    {
                        oursRates.Add(events / measure.Elapsed.TotalSeconds);
                        oursCpu.Add(measure.CpuMilliseconds * 1_000_000 / events);
                        ours.Add(measure.Work.Stop(events));
                    }).ConfigureAwait(false);
                }
            }

            Console.WriteLine($"   round {round + 1}: ours {oursRates[^1]:N0} events/s ({oursCpu[^1]:0} ns CPU/event, {ours[^1].WorkItems:0.000} work items/event), bare {bareRates[^1]:N0} frames/s ({bareCpu[^1]:0} ns CPU/frame, {bareWork[^1].WorkItems:0.000} work items/frame), bare + JsonDocument {parsingRates[^1]:N0} frames/s");
        }

        var ratios = oursRates.Select((r, i) => r / bareRates[i]).ToList();
        report.Add(GoalLine.AtLeast("3", $"events/s to a ListenAsync consumer ({deltas:N0}-delta turn) vs bare ClientWebSocket (median of {rounds} paired rounds)",
            Fmt.Num(Median(oursRates), "N0") + "/s", Fmt.Num(Median(bareRates), "N0") + "/s", Median(ratios), 0.9));
        report.Add(new GoalLine("3d", $"events/s to a ListenAsync consumer vs a bare ClientWebSocket loop that parses each frame into a JsonDocument (context for 3: the least a user without the generated types would do; median of {rounds} paired rounds)",
            Fmt.Num(Median(oursRates), "N0") + "/s", Fmt.Num(Median(parsingRates), "N0") + "/s", Median(oursRates.Select((r, i) => r / parsingRates[i]).ToList()), "report", null));
        report.Add(new GoalLine("3'", "client process CPU per event (context for 3: the engine runs in another process on the same cores)",
            Fmt.Num(Median(oursCpu), "0") + " ns", Fmt.Num(Median(bareCpu), "0") + " ns bare", Median(oursCpu) / Median(bareCpu), "report", null));
        // Counts, not times: the machine's load moves them far less than it moves 3 and 3'. Work items per event show
        // how often the receive loop or the listener had to wait (a hop); bytes per event, what decoding allocates.
        report.Add(new GoalLine("3''", "client work per event: thread-pool work items and bytes allocated (context for 3 and 3': counts, not times)",
            Fmt.Num(Median(ours.Select(w => w.WorkItems).ToList()), "0.000") + " items, " + Fmt.Num(Median(ours.Select(w => w.Bytes).ToList()), "0") + " B",
            Fmt.Num(Median(bareWork.Select(w => w.WorkItems).ToList()), "0.000") + " items, " + Fmt.Num(Median(bareWork.Select(w => w.Bytes).ToList()), "0") + " B bare",
            double.NaN, "report", null)); // two counts per line, and the bare loop's are near zero: no meaningful ratio
        report.Detail($"Goal 3: throughput, {rounds} interleaved rounds of a {deltas:N0}-delta turn", Report.Table(
            new[] { "round", "ours (ListenAsync) events/s", "bare ClientWebSocket frames/s", "ratio", "ours CPU ns/event", "bare CPU ns/frame", "bare + JsonDocument frames/s" },
            oursRates.Select((r, i) => (IReadOnlyList<string>)new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.Num(r, "N0"), Fmt.Num(bareRates[i], "N0"), Fmt.Ratio(ratios[i]),
                Fmt.Num(oursCpu[i], "0"), Fmt.Num(bareCpu[i], "0"), Fmt.Num(parsingRates[i], "N0"),
            })));
    }

    /// <summary>One measured turn on a session of its own: <paramref name="record"/> gets the events and what the turn cost.</summary>
    private static async Task OursRoundAsync(SessionClient client, string text, Action<int, TurnMeasure> record)
    {
        var session = await client.Agent(AgentId).CreateSessionAsync().ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var measure = TurnMeasure.Start();
            var (events, elapsed) = await OursTurnAsync(session, text, subscribers: 1).ConfigureAwait(false);
            record(events, measure.Stop(elapsed));
            await session.TerminateAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The same turn with a bare socket on a session of its own; <paramref name="parse"/> parses each frame into a JsonDocument.</summary>
    private static async Task BareRoundAsync(ServerProcess server, string text, bool parse, Action<int, TurnMeasure> record)
    {
        var bare = await BareSocket.ConnectAsync(server.EngineWebSocket, server.ApiKey, CancellationToken.None).ConfigureAwait(false);
        await using (bare.ConfigureAwait(false))
        {
            await bare.CreateSessionAsync(CancellationToken.None).ConfigureAwait(false);
            var measure = TurnMeasure.Start();
            var clock = Stopwatch.StartNew();
            var frames = await bare.RunTurnAsync(text, CancellationToken.None, parse).ConfigureAwait(false);
            record(frames, measure.Stop(clock.Elapsed));
            await bare.TerminateAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>What one turn cost the client process: wall time, CPU, and the counters of <see cref="WorkPerEvent"/>.</summary>
    private readonly record struct TurnMeasure(TimeSpan Elapsed, double CpuMilliseconds, WorkPerEvent Work)
    {
        private double StartCpuMs { get; init; }

        public static TurnMeasure Start() => new() { StartCpuMs = CpuMs(), Work = WorkPerEvent.Start() };

        public TurnMeasure Stop(TimeSpan elapsed) => this with { Elapsed = elapsed, CpuMilliseconds = CpuMs() - StartCpuMs };
    }

    /// <summary>Posts through the runtime and times the first delta and message_posted at the listener; reads to message_complete.</summary>
    private static async Task<(TimeSpan? FirstDelta, TimeSpan? Posted)> OursFirstDeltaAsync(Session session, IAsyncEnumerator<SessionEvent> events)
    {
        var start = Stopwatch.GetTimestamp();
        var send = session.SendAsync(ReplayedTurn.Text);
        TimeSpan? firstDelta = null;
        TimeSpan? posted = null;
        while (await events.MoveNextAsync().ConfigureAwait(false))
        {
            if (posted is null && events.Current is MessagePostedEvent)
            {
                posted = Stopwatch.GetElapsedTime(start);
            }

            if (firstDelta is null && events.Current is MessageDeltaEvent)
            {
                firstDelta = Stopwatch.GetElapsedTime(start);
            }

            if (events.Current is MessageCompleteEvent)
            {
                break;
            }
        }

        await send.ConfigureAwait(false);
        return (firstDelta, posted);
    }

    /// <summary>Thread-pool work items completed and bytes allocated in the client process, per event of one turn.</summary>
    private readonly record struct WorkPerEvent(double WorkItems, double Bytes)
    {
        private long StartItems { get; init; }

        private long StartBytes { get; init; }

        public static WorkPerEvent Start() => new() { StartItems = ThreadPool.CompletedWorkItemCount, StartBytes = GC.GetTotalAllocatedBytes(precise: false) };

        public WorkPerEvent Stop(int events) => new(
            (double)(ThreadPool.CompletedWorkItemCount - StartItems) / events,
            (double)(GC.GetTotalAllocatedBytes(precise: false) - StartBytes) / events);
    }

    private static double CpuMs()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>Posts <paramref name="text"/> and waits until every subscriber has seen <c>message_complete</c>.</summary>
    private static async Task<(int Events, TimeSpan Elapsed)> OursTurnAsync(Session session, string text, int subscribers)
    {
        var counts = new int[subscribers];
        var consumers = new Task[subscribers];
        for (var s = 0; s < subscribers; s++)
        {
            var index = s;
            var events = session.ListenAsync(maxQueue: 0);
            consumers[s] = Task.Run(async () =>
            {
                await foreach (var evt in events.ConfigureAwait(false))
                {
                    counts[index]++;
                    if (evt is MessageCompleteEvent)
                    {
                        return;
                    }

                    if (evt is ErrorEvent error)
                    {
                        throw new InvalidOperationException("The turn failed: " + error.Data.Error);
                    }
                }
            });
        }

        var clock = Stopwatch.StartNew();
        await session.SendAsync(text).ConfigureAwait(false);
        await Task.WhenAll(consumers).ConfigureAwait(false);
        clock.Stop();
        return (counts[0], clock.Elapsed);
    }

    // ---- goal 4 ----

    private static async Task FanOutAsync(BenchOptions options, Report report, SessionClient client)
    {
        var deltas = options.Quick ? 50_000 : 200_000;
        var rounds = options.Quick ? 7 : 11;
        var text = "count " + deltas;
        var one = new List<double>();
        var eight = new List<double>();
        var cpuOne = new List<double>();
        var cpuEight = new List<double>();
        var session = await client.Agent(AgentId).CreateSessionAsync().ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await OursTurnAsync(session, "count 2000", subscribers: 8).ConfigureAwait(false);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var subscribers in round % 2 == 0 ? new[] { 1, 8 } : new[] { 8, 1 })
                {
                    var cpu = CpuMs();
                    var (_, elapsed) = await OursTurnAsync(session, text, subscribers).ConfigureAwait(false);
                    (subscribers == 1 ? cpuOne : cpuEight).Add(CpuMs() - cpu);
                    (subscribers == 1 ? one : eight).Add(elapsed.TotalMilliseconds);
                }

                var t1 = TimeSpan.FromMilliseconds(one[^1]);
                var t8 = TimeSpan.FromMilliseconds(eight[^1]);
                Console.WriteLine($"   round {round + 1}: 1 subscriber {t1.TotalMilliseconds:0} ms ({cpuOne[^1]:0} ms CPU), 8 subscribers {t8.TotalMilliseconds:0} ms ({cpuEight[^1]:0} ms CPU)");
            }
        }

        report.Add(GoalLine.AtMost("4a", $"fan-out: wall time of a {deltas:N0}-delta turn, 8 subscribers vs 1 (median of {rounds} paired rounds)", Fmt.Num(Median(eight), "0") + " ms",
            Fmt.Num(Median(one), "0") + " ms", Median(eight.Select((t, i) => t / one[i]).ToList()), 2));
        report.Add(GoalLine.AtMost("4b", "fan-out: client process CPU time, 8 subscribers vs 1", Fmt.Num(Median(cpuEight), "0") + " ms CPU",
            Fmt.Num(Median(cpuOne), "0") + " ms CPU", Median(cpuEight.Select((t, i) => t / cpuOne[i]).ToList()), 2));
        report.Detail($"Goal 4: fan-out, {rounds} interleaved rounds (wall ms / client process CPU ms)", Report.Table(
            new[] { "round", "1 subscriber", "8 subscribers" },
            one.Select((t, i) => (IReadOnlyList<string>)new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Fmt.Num(t, "0") + " / " + Fmt.Num(cpuOne[i], "0"),
                Fmt.Num(eight[i], "0") + " / " + Fmt.Num(cpuEight[i], "0"),
            })));
    }

    // ---- goal 6 ----

    private static async Task LatencyAsync(BenchOptions options, Report report, ServerProcess server, SessionClient client)
    {
        var turns = options.Quick ? 200 : 1000;
        var warmup = options.Quick ? 20 : 100;
        var ours = new List<double>();
        var posted = new List<double>();
        var echo = new List<double>();
        var bareOnEngine = new List<double>();
        var replayed = new List<double>();
        var warmed = 0;
        var session = await client.Agent(AgentId).CreateSessionAsync().ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            // Three bare sockets beside the session: the echo (the goal's baseline), the same post to the same engine
            // (what is left without the runtime), and the engine's recorded turn sent back at once (the floor).
            var bare = await BareSocket.ConnectAsync(server.EchoAddress, null, CancellationToken.None).ConfigureAwait(false);
            await using var bareDisposal = bare.ConfigureAwait(false);
            var onEngine = await BareSocket.ConnectAsync(server.EngineWebSocket, server.ApiKey, CancellationToken.None).ConfigureAwait(false);
            await using var onEngineDisposal = onEngine.ConfigureAwait(false);
            await onEngine.CreateSessionAsync(CancellationToken.None).ConfigureAwait(false);
            var replay = await BareSocket.ConnectAsync(server.ReplayAddress, null, CancellationToken.None).ConfigureAwait(false);
            await using var replayDisposal = replay.ConfigureAwait(false);

            var events = session.ListenAsync(maxQueue: 0).GetAsyncEnumerator();
            try
            {
                // Warm-up: at least `warmup` turns and at least WarmUpTime, so that tiered compilation has moved both
                // sides' hot code to its optimised tier before anything is measured (it waits 100 ms, then compiles
                // in the background; a quick run's 20 turns take a few milliseconds).
                var warming = Stopwatch.StartNew();
                for (var turn = 0; ours.Count < turns; turn++)
                {
                    // The four are measured in turn, starting one later each time: each follows each, so none always
                    // starts while the previous one's last frames are still being handled.
                    TimeSpan echoTime = default, bareTime = default, replayTime = default;
                    (TimeSpan? FirstDelta, TimeSpan? Posted) oursTime = default;
                    for (var step = 0; step < 4; step++)
                    {
                        switch ((step + turn) % 4)
                        {
                            case 0:
                                var start = Stopwatch.GetTimestamp();
                                await bare.EchoAsync(ReplayedTurn.Post, CancellationToken.None).ConfigureAwait(false);
                                echoTime = Stopwatch.GetElapsedTime(start);
                                break;
                            case 1:
                                oursTime = await OursFirstDeltaAsync(session, events).ConfigureAwait(false);
                                break;
                            case 2:
                                bareTime = await onEngine.FirstDeltaAsync(ReplayedTurn.Post, CancellationToken.None).ConfigureAwait(false);
                                break;
                            default:
                                replayTime = await replay.FirstDeltaAsync(ReplayedTurn.Post, CancellationToken.None).ConfigureAwait(false);
                                break;
                        }
                    }

                    if (warmed < warmup || warming.Elapsed < WarmUpTime)
                    {
                        warmed++;
                    }
                    else
                    {
                        echo.Add(echoTime.TotalMicroseconds);
                        ours.Add(oursTime.FirstDelta?.TotalMicroseconds ?? double.NaN);
                        posted.Add(oursTime.Posted?.TotalMicroseconds ?? double.NaN);
                        bareOnEngine.Add(bareTime.TotalMicroseconds);
                        replayed.Add(replayTime.TotalMicroseconds);
                    }
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var list in new[] { ours, posted, echo, bareOnEngine, replayed })
        {
            list.Sort();
        }

        double P(List<double> values, double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
        string Us(double us) => us >= 1000 ? Fmt.Num(us / 1000, "0.00") + " ms" : Fmt.Num(us, "0") + " us";
        report.Add(GoalLine.AtMost("6a", $"latency post -> first delta p50 ({turns} turns, zero-delay agent) vs bare WebSocket echo round trip p50",
            Us(P(ours, 0.5)), Us(P(echo, 0.5)), P(ours, 0.5) / P(echo, 0.5), 1.5));
        report.Add(new GoalLine("6b", "latency post -> first delta p99 vs bare WebSocket echo round trip p99",
            Us(P(ours, 0.99)), Us(P(echo, 0.99)), P(ours, 0.99) / P(echo, 0.99), "report", null));
        // The acknowledgement: the engine's receive loop queues message_posted before it queues the turn, so this is the
        // request's own round trip through both sides' queues (with the zero-delay agent, the turn's first frames often
        // leave with it).
        report.Add(new GoalLine("6c", "latency post -> message_posted at the listener p50 (context for 6a: the acknowledgement, queued before the turn) vs bare echo p50",
            Us(P(posted, 0.5)), Us(P(echo, 0.5)), P(posted, 0.5) / P(echo, 0.5), "report", null));
        // 6a = 6d x 6e: the runtime's share and the engine's; 6f is what no engine or client can go below.
        report.Add(new GoalLine("6d", "latency post -> first delta p50, ours vs a bare ClientWebSocket posting the same frame to the same engine (context for 6a: what the runtime's layers add)",
            Us(P(ours, 0.5)), Us(P(bareOnEngine, 0.5)), P(ours, 0.5) / P(bareOnEngine, 0.5), "report", null));
        report.Add(new GoalLine("6e", "latency post -> first delta p50, a bare ClientWebSocket on the engine vs bare echo (context for 6a: the engine's and the turn's share, without the runtime)",
            Us(P(bareOnEngine, 0.5)), Us(P(echo, 0.5)), P(bareOnEngine, 0.5) / P(echo, 0.5), "report", null));
        report.Add(new GoalLine("6f", "latency post -> first delta p50, the engine's recorded frames of this turn sent back at once by a bare endpoint, read by a bare ClientWebSocket, vs bare echo (context for 6a: the floor of any engine and client on this protocol)",
            Us(P(replayed, 0.5)), Us(P(echo, 0.5)), P(replayed, 0.5) / P(echo, 0.5), "report", null));
        report.Detail($"Goal 6: latency over loopback ({turns} turns after {warmed} warm-up turns, at least {WarmUpTime.TotalSeconds:0.#} s)", Report.Table(
            new[] { "what", "p50", "p90", "p99", "max" },
            new[]
            {
                (IReadOnlyList<string>)Row("post -> first delta (ours, ListenAsync)", ours),
                Row("post -> message_posted (ours, ListenAsync)", posted),
                Row("post -> first delta (bare ClientWebSocket, same engine)", bareOnEngine),
                Row("post -> first delta (bare ClientWebSocket, the engine's turn replayed)", replayed),
                Row("bare ClientWebSocket echo round trip", echo),
            }));

        string[] Row(string what, List<double> values) => new[] { what, Us(P(values, 0.5)), Us(P(values, 0.9)), Us(P(values, 0.99)), Us(values[^1]) };
    }

    // ---- goal 5 ----

    private static async Task IdleMemoryAsync(BenchOptions options, Report report, ServerProcess server, SessionClient client)
    {
        const int Count = 1000;
        const int Parallel = 16;

        // Warm: one of each, so code, pools and the thread pool are in place before the snapshot.
        var warm = await client.Agent(AgentId).CreateSessionAsync().ConfigureAwait(false);
        await warm.DisposeAsync().ConfigureAwait(false);
        var warmBare = await BareSocket.ConnectAsync(server.EchoAddress, null, CancellationToken.None).ConfigureAwait(false);
        await warmBare.DisposeAsync().ConfigureAwait(false);

        var (oursHeap, oursWs) = await MeasureAsync(async () =>
        {
            var sessions = new Session[Count];
            for (var i = 0; i < Count; i += Parallel)
            {
                var batch = Enumerable.Range(i, Math.Min(Parallel, Count - i)).Select(async j => sessions[j] = await client.Agent(AgentId).CreateSessionAsync().ConfigureAwait(false));
                await Task.WhenAll(batch).ConfigureAwait(false);
            }

            if (sessions.Any(s => !s.IsConnected))
            {
                throw new InvalidOperationException("Not every session is connected.");
            }

            return sessions;
        }, async sessions =>
        {
            foreach (var batch in sessions.Chunk(64))
            {
                await Task.WhenAll(batch.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        var (bareHeap, bareWs) = await MeasureAsync(async () =>
        {
            var sockets = new BareSocket[Count];
            for (var i = 0; i < Count; i += Parallel)
            {
                var batch = Enumerable.Range(i, Math.Min(Parallel, Count - i)).Select(async j => sockets[j] = await BareSocket.ConnectAsync(server.EchoAddress, null, CancellationToken.None).ConfigureAwait(false));
                await Task.WhenAll(batch).ConfigureAwait(false);
            }

            return sockets;
        }, async sockets =>
        {
            foreach (var batch in sockets.Chunk(64))
            {
                await Task.WhenAll(batch.Select(s => s.DisposeAsync().AsTask())).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        double Kib(long bytes) => bytes / 1024.0 / Count;
        // The goal is a bound, so the ratio is figure / bound; the bare sockets are context. The managed heap bound is 32 KiB
        // (an idle connection holds its reader's own 1 KiB buffer; a larger one is rented only while a long message is
        // read); the working set keeps 64 KiB.
        report.Add(GoalLine.AtMost("5a", $"{Count:N0} connected idle sessions: managed heap per session, vs the 32 KiB bound",
            Fmt.Num(Kib(oursHeap), "0.0") + " KiB", "32 KiB (bare ClientWebSocket: " + Fmt.Num(Kib(bareHeap), "0.0") + " KiB)", Kib(oursHeap) / 32, 1));
        report.Add(GoalLine.AtMost("5b", $"{Count:N0} connected idle sessions: working set per session, vs the 64 KiB bound",
            Fmt.Num(Kib(oursWs), "0.0") + " KiB", "64 KiB (bare ClientWebSocket: " + Fmt.Num(Kib(bareWs), "0.0") + " KiB)", Kib(oursWs) / 64, 1));
        report.Detail($"Goal 5: {Count:N0} connected idle sessions in one process (deltas after a full GC; ratio column of 5a is figure / 32 KiB, of 5b figure / 64 KiB)", Report.Table(
            new[] { "what", "managed heap/session", "working set/session" },
            new[]
            {
                (IReadOnlyList<string>)new[] { "Session (SessionClient, created on the engine, connected)", Fmt.Num(Kib(oursHeap), "0.0") + " KiB", Fmt.Num(Kib(oursWs), "0.0") + " KiB" },
                new[] { "bare ClientWebSocket (connected to the echo endpoint)", Fmt.Num(Kib(bareHeap), "0.0") + " KiB", Fmt.Num(Kib(bareWs), "0.0") + " KiB" },
            }));
    }

    /// <summary>Heap and working-set growth while what <paramref name="open"/> made is alive, after full collections.</summary>
    private static async Task<(long Heap, long WorkingSet)> MeasureAsync<T>(Func<Task<T>> open, Func<T, Task> close)
    {
        var (heapBefore, wsBefore) = Snapshot();
        var held = await open().ConfigureAwait(false);
        await Task.Delay(500).ConfigureAwait(false);
        var (heapAfter, wsAfter) = Snapshot();
        GC.KeepAlive(held);
        await close(held).ConfigureAwait(false);
        return (heapAfter - heapBefore, wsAfter - wsBefore);
    }

    private static (long Heap, long WorkingSet) Snapshot()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
