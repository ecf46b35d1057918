using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Diagnostics;
using Sessions.Engine;
using Sessions.Hosting.Tests.Infrastructure;
using Xunit;

namespace Sessions.Hosting.Tests.Credentials;

/// <summary>Tokens appear in no log line (Trace included), exception, ToString or span.</summary>
public sealed class SecretsStayOutTests
{
    private const string Secret = "tok-SECRET-d93a1f6b";
    private const string Refused = "tok-REFUSED-55e0c2a7";

    [Fact]
    public async Task No_token_in_logs_exceptions_ToString_or_spans()
    {
        var options = new LocalEngineOptions();
        options.ApiKeys.Add(Secret);
        await using var engine = await LocalEngine.StartAsync(options);
        var logs = new CollectingLoggerProvider();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SessionsTelemetry.Name or "Sessions.Engine",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var credential = SessionCredential.FromCallback((context, _) => new ValueTask<SessionToken>(new SessionToken(Secret, DateTimeOffset.UtcNow.AddHours(1))));
        var clientOptions = new SessionClientOptions { BaseAddress = engine.BaseAddress, Credential = credential, LoggerFactory = logs };
        using var client = new SessionClient(clientOptions);
        string text;
        await using (var session = await client.Agent("agent").CreateSessionAsync(Within.Token()))
        {
            engine.Faults.DropAfterEvents(session.SessionId!, 2);
            await Conversation.TurnAsync(session, "count 4");
            await Conversation.TurnAsync(session, "please approve");
            await session.GetMessagesAsync(Within.Token());
            text = session.ToString() ?? string.Empty;
        }

        using var refusedClient = new SessionClient(engine.BaseAddress, Refused);
        var refused = await Assert.ThrowsAsync<SessionAuthenticationException>(() => refusedClient.Agent("agent").CreateSessionAsync(Within.Token()));
        var history = await Assert.ThrowsAsync<SessionAuthenticationException>(() => refusedClient.GetSession("s-1").GetMessagesAsync(Within.Token()));

        var everything = string.Join("\n", logs.Lines)
            + refused + history + text
            + client + clientOptions.Credential + new ApiKeyCredential(Secret) + new SessionToken(Secret, DateTimeOffset.UtcNow)
            + string.Join("\n", spans.SelectMany(span => span.TagObjects.Select(tag => tag.Key + "=" + tag.Value)
                .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => tag.Key + "=" + tag.Value)))
                .Append(span.DisplayName).Append(span.StatusDescription ?? string.Empty)));

        Assert.Contains(logs.Lines, line => line.StartsWith("Trace", StringComparison.Ordinal)); // frame bodies were logged
        Assert.Contains(spans, span => span.OperationName == "session.reconnect");
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Refused, everything, StringComparison.Ordinal);
    }
}
