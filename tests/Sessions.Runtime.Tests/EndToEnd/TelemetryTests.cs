using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sessions.Diagnostics;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.EndToEnd;

public sealed class TelemetryTests : IClassFixture<EngineFixture>
{
    private readonly EngineFixture _engine;

    public TelemetryTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public async Task Logs_have_stable_ids_bodies_only_at_trace_and_never_the_key()
    {
        var trace = new CollectingLoggerProvider(LogLevel.Trace);
        var info = new CollectingLoggerProvider(LogLevel.Information);
        foreach (var logs in new[] { trace, info })
        {
            using var client = _engine.Client(o => o.LoggerFactory = logs);
            await using var session = await client.Agent("a").CreateSessionAsync(Within.Token());
            await Turns.RunAsync(session, "hello");
        }

        Assert.Contains(trace.Entries, e => e.Id.Id == 8 && e.Level == LogLevel.Trace && e.Message.Contains("\"type\":\"message_delta\""));
        Assert.Contains(trace.Entries, e => e.Id.Id == 9 && e.Message.Contains("\"type\":\"post_message\""));
        Assert.Contains(info.Entries, e => e.Id.Id == 1 && e.Message.Contains("connected to"));
        Assert.DoesNotContain(info.Entries, e => e.Message.Contains("\"type\""));
        Assert.DoesNotContain(trace.Entries.Concat(info.Entries), e => e.Message.Contains(_engine.Engine.ApiKey) || (e.Error?.ToString().Contains(_engine.Engine.ApiKey) ?? false));
    }

    [Fact]
    public async Task The_activity_source_traces_connecting()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SessionsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(tracing);

        using var client = _engine.Client();
        string? id;
        await using (var session = await client.Agent("a").CreateSessionAsync(Within.Token()))
        {
            id = session.SessionId;
            await Turns.RunAsync(session, "count 10");
        }

        Assert.Contains(activities, a => a.OperationName == "session.create" && (string?)a.GetTagItem("gen_ai.conversation.id") == id);
    }
}
