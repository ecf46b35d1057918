using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sessions;

/// <summary>Settings of a <see cref="SessionClient"/>.</summary>
public sealed partial class SessionClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyVariable = "VECTORSHIFT_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is not set.</summary>
    public const string BaseAddressVariable = "VECTORSHIFT_BASE_URL";

    /// <summary>The engine's base address (<c>https://…</c> or <c>http://127.0.0.1:port/</c>); else <c>VECTORSHIFT_BASE_URL</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key; else <c>VECTORSHIFT_API_KEY</c>. It is sent only in the Authorization header, and never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where logs go. Frame bodies are logged only at Trace, and never the key.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>The clock for timeouts, keep-alive and backoff (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long to wait for the socket to open and the session to be created or resumed.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a frame that expects an answer (a post, a ping) waits for it, and how long a history request may take (with the client's own HttpClient).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often to ping when nothing else was received; <see cref="TimeSpan.Zero"/> turns keep-alive off.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After this long without any frame from the engine the connection counts as dead and is reopened.</summary>
    public TimeSpan DeadPeerTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Decides whether and when to reconnect after the socket drops. Null turns reconnection off.</summary>
    public IReconnectPolicy? ReconnectPolicy { get; set; } = new ExponentialBackoffReconnectPolicy();

    /// <summary>The largest frame accepted from the engine; a larger one closes the socket (1009).</summary>
    public int MaxFrameBytes { get; set; } = Protocol.ProtocolFacts.DefaultMaxFrameBytes;

    /// <summary>
    /// Files of known size up to this many bytes go inline (base64 in the post frame) instead of being uploaded first:
    /// one round trip instead of two. 0 uploads every file. At most 1 MiB. Defaults to <see cref="DefaultInlineFileMaxBytes"/>.
    /// </summary>
    public int InlineFileMaxBytes { get; set; } = DefaultInlineFileMaxBytes;

    /// <summary>The default <see cref="InlineFileMaxBytes"/> (measured: see the README's "Files" section).</summary>
    public const int DefaultInlineFileMaxBytes = 32 * 1024;

    /// <summary>Allows <c>ws://</c> and <c>http://</c> to hosts other than loopback. Off: the key would cross the network in clear text.</summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>
    /// What sessions connect over; null (the default) for WebSocket to <see cref="BaseAddress"/>. An
    /// <see cref="Transport.InMemoryTransport"/> runs sessions against an in-process peer, for unit tests; with a
    /// transport set, <see cref="BaseAddress"/> and <see cref="ApiKey"/> are optional.
    /// </summary>
    public Transport.ISessionTransport? Transport { get; set; }

    /// <summary>The handler for history and file requests (tests and proxies); the client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }
}
