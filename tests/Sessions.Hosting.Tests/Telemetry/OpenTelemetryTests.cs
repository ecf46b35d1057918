using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sessions.Diagnostics;
using Sessions.Engine;
using Sessions.Engine.Diagnostics;
using Sessions.Hosting.Tests.Infrastructure;
using Xunit;

namespace Sessions.Hosting.Tests.Telemetry;

/// <summary>The real OpenTelemetry SDK with its in-memory exporters: one trace holds the client's and the engine's spans of a turn.</summary>
public sealed class OpenTelemetryTests
{
    [Fact]
    public async Task One_trace_holds_the_client_and_engine_spans_of_a_turn_with_its_approval()
    {
        var agent = "otel-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(SessionsTelemetry.Name, EngineTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            await using var engine = await LocalEngine.StartAsync();
            using var client = new SessionClient(engine.BaseAddress, engine.ApiKey);
            await using var session = await client.Agent(agent).CreateSessionAsync(Within.Token());
            var events = await Conversation.TurnAsync(session, "please approve the email");
            Assert.Contains(events, e => e is ToolResultEvent);
            tracing.ForceFlush();
        }

        var turn = Assert.Single(spans, s => s.OperationName == "session.turn" && Tag(s, "gen_ai.agent.id") == agent);
        Assert.Equal("invoke_agent", Tag(turn, "gen_ai.operation.name"));
        Assert.Equal(ActivityStatusCode.Unset, turn.Status);
        var trace = spans.Where(s => s.TraceId == turn.TraceId).ToList();

        var send = Assert.Single(trace, s => s.OperationName == "session.send");
        Assert.Equal(turn.SpanId, send.ParentSpanId);
        var enginePost = Assert.Single(trace, s => s.Source.Name == EngineTelemetry.Name && s.OperationName == "engine.PostMessage");
        Assert.Equal(send.SpanId, enginePost.ParentSpanId); // carried in the frame's traceparent
        Assert.Equal(ActivityKind.Server, enginePost.Kind);

        var approval = Assert.Single(trace, s => s.OperationName == "session.approval");
        Assert.Equal(turn.SpanId, approval.ParentSpanId);
        Assert.Equal("true", Tag(approval, "sessions.approval.approved"));
        Assert.NotNull(Tag(approval, "gen_ai.tool.name"));
        var engineAnswer = Assert.Single(trace, s => s.Source.Name == EngineTelemetry.Name && s.OperationName == "engine.SendResponse");
        Assert.Equal(approval.SpanId, engineAnswer.ParentSpanId);

        Assert.All(trace, s => Assert.Equal(session_id(trace), Tag(s, "gen_ai.conversation.id")));
        Assert.Contains(turn.Events, e => e.Name == "first_delta");
        Assert.True(turn.Duration >= send.Duration);

        static string? session_id(List<Activity> spans) => Tag(spans[0], "gen_ai.conversation.id");
    }

    [Fact]
    public async Task Failures_mark_spans_with_error_status_and_an_exception_event()
    {
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(SessionsTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            await using var engine = await LocalEngine.StartAsync();
            using var client = new SessionClient(engine.BaseAddress, "wrong-key-for-otel");
            await Assert.ThrowsAsync<SessionAuthenticationException>(() => client.Agent("otel-failing").CreateSessionAsync(Within.Token()));
            tracing.ForceFlush();
        }

        var connect = Assert.Single(spans, s => s.OperationName == "session.create" && Tag(s, "gen_ai.agent.id") == "otel-failing");
        Assert.Equal(ActivityStatusCode.Error, connect.Status);
        Assert.Equal(typeof(SessionAuthenticationException).FullName, Tag(connect, "error.type"));
        Assert.Contains(connect.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task Histograms_of_connect_first_delta_turn_and_reconnect_downtime_in_seconds()
    {
        var agent = "otel-metrics-" + Guid.NewGuid().ToString("N");
        var metrics = new List<Metric>();
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(SessionsTelemetry.Name).AddInMemoryExporter(metrics).Build())
        {
            await using var engine = await LocalEngine.StartAsync();
            using var client = new SessionClient(new SessionClientOptions
            {
                BaseAddress = engine.BaseAddress,
                ApiKey = engine.ApiKey,
                ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(20) },
            });
            await using var session = await client.Agent(agent).CreateSessionAsync(Within.Token());
            engine.Faults.DropAfterEvents(session.SessionId!, 3);
            await Conversation.TurnAsync(session, "count 6");
            meters.ForceFlush();
        }

        foreach (var name in new[] { "sessions.client.connect.duration", "sessions.client.turn.time_to_first_delta", "sessions.client.turn.duration", "sessions.client.reconnect.downtime" })
        {
            // Each client has its own meter of this name (tests running beside this one have theirs), and each exports
            // its own stream: this agent's points may be in any of them.
            var count = 0L;
            foreach (var metric in metrics.Where(m => m.Name == name))
            {
                Assert.Equal("s", metric.Unit);
                Assert.Equal(MetricType.Histogram, metric.MetricType);
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    foreach (var tag in point.Tags)
                    {
                        if (tag.Key == "gen_ai.agent.id" && (string?)tag.Value == agent)
                        {
                            count += point.GetHistogramCount();
                            Assert.True(point.GetHistogramSum() > 0, name);
                        }
                    }
                }
            }

            Assert.True(count >= 1, name + " was recorded for this agent");
        }
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name) switch
    {
        null => null,
        bool b => b ? "true" : "false",
        var value => value.ToString(),
    };
}
