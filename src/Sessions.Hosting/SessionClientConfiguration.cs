using System;

namespace Sessions.Hosting;

/// <summary>
/// The configuration keys of a client (for example under <c>"Sessions"</c> in appsettings.json), bound by the
/// configuration binder's source generator and copied onto <see cref="SessionClientOptions"/>. A separate class because
/// <see cref="SessionClientOptions"/> also holds what configuration cannot express (a credential, a logger factory,
/// delegates), which the binder should not try to bind.
/// </summary>
public sealed class SessionClientConfiguration
{
    /// <summary><c>BaseAddress</c>: the engine, <c>https://…</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary><c>ApiKey</c>: the fixed key (prefer a secret store or <c>VECTORSHIFT_API_KEY</c> to appsettings.json).</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>ConnectTimeout</c>, for example <c>00:00:15</c>.</summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary><c>RequestTimeout</c>.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary><c>CloseTimeout</c>.</summary>
    public TimeSpan? CloseTimeout { get; set; }

    /// <summary><c>KeepAliveInterval</c>; <c>00:00:00</c> turns keep-alive off.</summary>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary><c>DeadPeerTimeout</c>.</summary>
    public TimeSpan? DeadPeerTimeout { get; set; }

    /// <summary><c>MaxFrameBytes</c>.</summary>
    public int? MaxFrameBytes { get; set; }

    /// <summary><c>AllowInsecureTransport</c>.</summary>
    public bool? AllowInsecureTransport { get; set; }

    /// <summary><c>RetryInitialConnect</c>.</summary>
    public bool? RetryInitialConnect { get; set; }

    /// <summary><c>Reconnect</c>: the backoff of reconnects (and of first connects when they are retried).</summary>
    public ReconnectConfiguration? Reconnect { get; set; }

    /// <summary>Copies what is set onto the options; what is not set keeps its default.</summary>
    internal void ApplyTo(SessionClientOptions options)
    {
        options.BaseAddress = BaseAddress ?? options.BaseAddress;
        options.ApiKey = ApiKey ?? options.ApiKey;
        options.ConnectTimeout = ConnectTimeout ?? options.ConnectTimeout;
        options.RequestTimeout = RequestTimeout ?? options.RequestTimeout;
        options.CloseTimeout = CloseTimeout ?? options.CloseTimeout;
        options.KeepAliveInterval = KeepAliveInterval ?? options.KeepAliveInterval;
        options.DeadPeerTimeout = DeadPeerTimeout ?? options.DeadPeerTimeout;
        options.MaxFrameBytes = MaxFrameBytes ?? options.MaxFrameBytes;
        options.AllowInsecureTransport = AllowInsecureTransport ?? options.AllowInsecureTransport;
        options.RetryInitialConnect = RetryInitialConnect ?? options.RetryInitialConnect;
        if (Reconnect is { } reconnect)
        {
            options.ReconnectPolicy = reconnect.Enabled == false ? null : reconnect.ToPolicy();
        }
    }
}

/// <summary>The <c>Reconnect</c> section: an <see cref="ExponentialBackoffReconnectPolicy"/>.</summary>
public sealed class ReconnectConfiguration
{
    /// <summary><c>Enabled</c>: false turns reconnecting off.</summary>
    public bool? Enabled { get; set; }

    /// <summary><c>InitialDelay</c>.</summary>
    public TimeSpan? InitialDelay { get; set; }

    /// <summary><c>MaxDelay</c>.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary><c>MaxAttempts</c>.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary><c>MaxElapsed</c>.</summary>
    public TimeSpan? MaxElapsed { get; set; }

    internal ExponentialBackoffReconnectPolicy ToPolicy()
    {
        var defaults = new ExponentialBackoffReconnectPolicy();
        return new ExponentialBackoffReconnectPolicy
        {
            InitialDelay = InitialDelay ?? defaults.InitialDelay,
            MaxDelay = MaxDelay ?? defaults.MaxDelay,
            MaxAttempts = MaxAttempts ?? defaults.MaxAttempts,
            MaxElapsed = MaxElapsed ?? defaults.MaxElapsed,
        };
    }
}
