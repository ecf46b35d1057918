using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sessions.Engine;
using Sessions.Hosting.Tests.Infrastructure;
using Xunit;

namespace Sessions.Hosting.Tests.DependencyInjection;

/// <summary>services.AddSessionClient in a real host, against the in-process engine.</summary>
public sealed class AddSessionClientTests : IAsyncLifetime
{
    private LocalEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await LocalEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_client_from_configuration_uses_the_containers_logging_clock_meters_and_http_client()
    {
        var logs = new CollectingLoggerProvider();
        var clock = new FixedOffsetClock();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:BaseAddress"] = _engine.BaseAddress.ToString(),
            ["Sessions:ApiKey"] = _engine.ApiKey,
            ["Sessions:ConnectTimeout"] = "00:00:07",
            ["Sessions:Reconnect:MaxAttempts"] = "3",
        });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton<TimeProvider>(clock);
        var historyRequests = new CountingHandler();
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Sessions")).HttpClient.AddHttpMessageHandler(() => historyRequests);
        using var host = builder.Build();
        await host.StartAsync(Within.Token());

        var client = host.Services.GetRequiredService<SessionClient>();
        Assert.Equal(TimeSpan.FromSeconds(7), client.Options.ConnectTimeout);
        Assert.Equal(3, Assert.IsType<ExponentialBackoffReconnectPolicy>(client.Options.ReconnectPolicy).MaxAttempts);
        Assert.Same(clock, client.Options.TimeProvider);
        Assert.Same(host.Services.GetRequiredService<IMeterFactory>(), client.Options.MeterFactory);
        Assert.NotNull(client.Options.HttpClientFactory);

        await using (var session = await client.Agent("agent").CreateSessionAsync(Within.Token()))
        {
            var events = await Conversation.TurnAsync(session, "hello");
            Assert.Contains(events, e => e.IsComplete);
            Assert.NotEmpty(await session.GetMessagesAsync(Within.Token()));
            Assert.Equal(1, historyRequests.Requests); // through the factory's named HttpClient and its handlers
            await Assert.ThrowsAsync<SessionFileException>(() => session.OpenFileAsync("file_missing", Within.Token()));
            Assert.Equal(2, historyRequests.Requests); // files too
        }

        Assert.Contains(logs.Lines, line => line.Contains("connected to", StringComparison.Ordinal));
        await host.StopAsync(Within.Token());
    }

    [Fact]
    public async Task RequestTimeout_bounds_a_history_request_through_the_factorys_client()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:BaseAddress"] = _engine.BaseAddress.ToString(),
            ["Sessions:ApiKey"] = _engine.ApiKey,
            ["Sessions:RequestTimeout"] = "00:00:00.200",
        });
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Sessions")).HttpClient.AddHttpMessageHandler(() => new SilentHandler());
        using var host = builder.Build();
        await host.StartAsync(Within.Token());

        var client = host.Services.GetRequiredService<SessionClient>();
        var error = await Assert.ThrowsAsync<SessionTimeoutException>(() => client.GetSession("s-1").GetMessagesAsync(Within.Token()));

        Assert.Contains("RequestTimeout", error.Message, StringComparison.Ordinal);
        await host.StopAsync(Within.Token());
    }

    [Fact]
    public async Task A_delegate_runs_after_the_section_and_can_set_a_credential()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:BaseAddress"] = _engine.BaseAddress.ToString() });
        var asked = 0;
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Engine"), options =>
            options.Credential = SessionCredential.FromCallback((_, _) =>
            {
                asked++;
                return new ValueTask<SessionToken>(new SessionToken(_engine.ApiKey));
            }));
        using var host = builder.Build();
        await host.StartAsync(Within.Token());

        await using var session = await host.Services.GetRequiredService<SessionClient>().Agent("agent").CreateSessionAsync(Within.Token());
        Assert.True(session.IsConnected);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task Start_up_fails_with_messages_that_name_the_configuration_keys()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:BaseAddress"] = "http://engine.example/",
            ["Sessions:ApiKey"] = "k",
            ["Sessions:RequestTimeout"] = "00:00:00",
            ["Sessions:MaxFrameBytes"] = "10",
        });
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Sessions"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Within.Token()));

        Assert.Contains("Sessions:BaseAddress is clear-text http:// to engine.example", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sessions:RequestTimeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sessions:MaxFrameBytes must be at least 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_with_user_information_fails_start_up_without_repeating_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:BaseAddress"] = "https://admin:pw-SECRET@engine.example/?sig=SECRET",
            ["Sessions:ApiKey"] = "k",
        });
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Sessions"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Within.Token()));

        Assert.Contains("Sessions:BaseAddress must not contain user information", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negative_reconnect_settings_fail_start_up_naming_their_keys()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:BaseAddress"] = _engine.BaseAddress.ToString(),
            ["Sessions:ApiKey"] = _engine.ApiKey,
            ["Sessions:Reconnect:InitialDelay"] = "-00:00:01",
            ["Sessions:Reconnect:MaxDelay"] = "-00:00:02",
            ["Sessions:Reconnect:MaxElapsed"] = "-00:01:00",
            ["Sessions:Reconnect:MaxAttempts"] = "-1",
        });
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Sessions"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Within.Token()));

        Assert.Contains("Sessions:Reconnect:InitialDelay cannot be negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sessions:Reconnect:MaxDelay cannot be negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sessions:Reconnect:MaxElapsed cannot be negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sessions:Reconnect:MaxAttempts cannot be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_time_span_names_its_key_at_start_up()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:BaseAddress"] = _engine.BaseAddress.ToString(),
            ["Sessions:ApiKey"] = _engine.ApiKey,
            ["Sessions:ConnectTimeout"] = "fifteen seconds",
        });
        builder.Services.AddSessionClient(builder.Configuration.GetSection("Sessions"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Within.Token()));

        Assert.Contains("Sessions:ConnectTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyed_clients_talk_to_their_own_engines()
    {
        await using var second = await LocalEngine.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddKeyedSessionClient("primary", o => { o.BaseAddress = _engine.BaseAddress; o.ApiKey = _engine.ApiKey; });
        builder.Services.AddKeyedSessionClient("secondary", o => { o.BaseAddress = second.BaseAddress; o.ApiKey = second.ApiKey; });
        using var host = builder.Build();
        await host.StartAsync(Within.Token());

        var primary = host.Services.GetRequiredKeyedService<SessionClient>("primary");
        var secondary = host.Services.GetRequiredKeyedService<SessionClient>("secondary");
        Assert.Equal(_engine.BaseAddress, primary.BaseAddress);
        Assert.Equal(second.BaseAddress, secondary.BaseAddress);
        await using var onSecond = await secondary.Agent("agent").CreateSessionAsync(Within.Token());
        await Conversation.TurnAsync(onSecond, "hello");
        Assert.NotEmpty(second.GetStoredEvents(onSecond.SessionId!));
        Assert.Empty(_engine.GetStoredEvents(onSecond.SessionId!));
    }

    [Fact]
    public async Task The_health_check_reports_reachable_refused_and_unreachable_engines()
    {
        // A port held by a socket that never listens: connections to it are refused, and no one else can take it meanwhile.
        using var nobodyHome = ReservePort();
        var deadAddress = new Uri($"http://127.0.0.1:{PortOf(nobodyHome)}/");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSessionClient(o => { o.BaseAddress = _engine.BaseAddress; o.ApiKey = _engine.ApiKey; });
        builder.Services.AddKeyedSessionClient("wrong-key", o => { o.BaseAddress = _engine.BaseAddress; o.ApiKey = "not-the-key"; });
        builder.Services.AddKeyedSessionClient("nobody-home", o => { o.BaseAddress = deadAddress; o.ApiKey = "k"; o.ConnectTimeout = TimeSpan.FromSeconds(5); });
        builder.Services.AddHealthChecks().AddSessionClient().AddSessionClient("wrong-key").AddSessionClient("nobody-home");
        using var host = builder.Build();
        await host.StartAsync(Within.Token());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Within.Token());

        Assert.Equal(HealthStatus.Healthy, report.Entries["sessions"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["sessions-wrong-key"].Status);
        Assert.Contains("refused the credential", report.Entries["sessions-wrong-key"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["sessions-nobody-home"].Status);
        Assert.Contains("unreachable", report.Entries["sessions-nobody-home"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_RetryInitialConnect_the_first_connect_waits_for_an_engine_that_is_still_starting()
    {
        // The engine's port is held (refusing connections, as an engine that has not started yet) until the engine takes it.
        using var reserved = ReservePort();
        var address = new Uri($"http://127.0.0.1:{PortOf(reserved)}/");
        var engineOptions = new LocalEngineOptions { Urls = address.ToString().TrimEnd('/') };
        engineOptions.ApiKeys.Add("late-key");
        var backoff = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), MaxAttempts = 100 };

        using var impatient = new SessionClient(new SessionClientOptions { BaseAddress = address, ApiKey = "late-key", ReconnectPolicy = backoff });
        await Assert.ThrowsAsync<SessionDisconnectedException>(() => impatient.Agent("agent").CreateSessionAsync(Within.Token()));

        var policy = new SignallingPolicy(backoff, refusals: 2);
        using var patient = new SessionClient(new SessionClientOptions { BaseAddress = address, ApiKey = "late-key", ReconnectPolicy = policy, RetryInitialConnect = true });
        var connecting = patient.Agent("agent").CreateSessionAsync(Within.Token());
        await policy.Refused.WaitAsync(Within.Token());
        Assert.False(connecting.IsCompleted, "the first connect gave up although the policy allows more attempts");

        // From here to the engine's bind is the only moment the port is free.
        reserved.Dispose();
        await using var engine = await LocalEngine.StartAsync(engineOptions);
        await using var session = await connecting;
        Assert.True(session.IsConnected);
    }

    /// <summary>A loopback port bound to a socket that does not listen: it stays ours, and connecting to it is refused.</summary>
    private static Socket ReservePort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;

    /// <summary>A reconnect policy that signals once the connect has been refused a given number of times.</summary>
    private sealed class SignallingPolicy(IReconnectPolicy inner, int refusals) : IReconnectPolicy
    {
        private readonly TaskCompletionSource _refused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public Task Refused => _refused.Task;

        public TimeSpan? NextDelay(ReconnectContext context)
        {
            if (System.Threading.Interlocked.Increment(ref _calls) >= refusals)
            {
                _refused.TrySetResult();
            }

            return inner.NextDelay(context);
        }
    }

    private sealed class FixedOffsetClock : TimeProvider
    {
    }

    /// <summary>An engine that never answers: only a timeout ends the request.</summary>
    private sealed class SilentHandler : System.Net.Http.DelegatingHandler
    {
        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class CountingHandler : System.Net.Http.DelegatingHandler
    {
        private int _requests;

        public int Requests => System.Threading.Volatile.Read(ref _requests);

        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            System.Threading.Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
