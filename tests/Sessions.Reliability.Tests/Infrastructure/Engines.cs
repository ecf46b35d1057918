using System;
using System.Threading.Tasks;
using Sessions.Engine;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>Local engines (loopback, ephemeral port) and clients pointed at them.</summary>
public static class Engines
{
    /// <summary>The runtime's log category (its session and connection log as Sessions.Session).</summary>
    public const string ClientCategory = "Sessions.Session";

    /// <summary>The engine's own log category.</summary>
    public const string EngineCategory = "Sessions.Engine";

    public static Task<LocalEngine> StartAsync(Action<LocalEngineOptions>? configure = null)
    {
        var options = new LocalEngineOptions();
        configure?.Invoke(options);
        return LocalEngine.StartAsync(options, Within.Token());
    }

    /// <summary>A client with short timeouts and fast reconnects, so a broken test fails fast instead of hanging.</summary>
    public static SessionClient Client(Uri baseAddress, string apiKey, Action<SessionClientOptions>? configure = null)
    {
        var options = new SessionClientOptions
        {
            BaseAddress = baseAddress,
            ApiKey = apiKey,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            RequestTimeout = TimeSpan.FromSeconds(10),
            CloseTimeout = TimeSpan.FromSeconds(1),
            ReconnectPolicy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200), MaxAttempts = 20 },
        };
        configure?.Invoke(options);
        return new SessionClient(options);
    }

    public static SessionClient Client(LocalEngine engine, Action<SessionClientOptions>? configure = null, string? apiKey = null)
        => Client(engine.BaseAddress, apiKey ?? engine.ApiKey, configure);
}
