using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine;
using Xunit;

namespace Sessions.Runtime.Tests.Infrastructure;

/// <summary>A real local engine on 127.0.0.1 and an ephemeral port, shared by the tests of one class.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public LocalEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync() => Engine = await LocalEngine.StartAsync();

    public async Task DisposeAsync() => await Engine.DisposeAsync();

    /// <summary>A client with short timeouts and fast reconnects, so a broken test fails fast.</summary>
    public SessionClient Client(Action<SessionClientOptions>? configure = null) => Clients.For(Engine, configure);
}

/// <summary>Clients for an engine.</summary>
public static class Clients
{
    public static SessionClient For(LocalEngine engine, Action<SessionClientOptions>? configure = null, string? apiKey = null)
    {
        var options = new SessionClientOptions
        {
            BaseAddress = engine.BaseAddress,
            ApiKey = apiKey ?? engine.ApiKey,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            RequestTimeout = TimeSpan.FromSeconds(10),
            ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200), MaxAttempts = 20 },
        };
        configure?.Invoke(options);
        return new SessionClient(options);
    }
}

/// <summary>A bound on every wait, so a test that would hang fails instead. Not a timing goal.</summary>
public static class Within
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static CancellationToken Token() => new CancellationTokenSource(Limit).Token;
}
