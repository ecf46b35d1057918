using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Net.WebSockets;

namespace Sessions;

/// <summary>The settings a hosted application needs: credentials, transport, metrics, the first connect's retries.</summary>
public sealed partial class SessionClientOptions
{
    /// <summary>
    /// Where bearer tokens come from; asked before every connect, reconnect attempt and history request, and once more
    /// (forcing a refresh) when the engine answers 401. Null: an <see cref="ApiKeyCredential"/> over <see cref="ApiKey"/>.
    /// </summary>
    public SessionCredential? Credential { get; set; }

    /// <summary>
    /// Configures every WebSocket before it opens: proxy, extra headers, client certificates, keep-alive, compression
    /// (<see cref="ClientWebSocketOptions.DangerousDeflateOptions"/>, when the engine negotiates it). The client sets the
    /// Authorization header afterwards, so a value set here is replaced.
    /// </summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; set; }

    /// <summary>
    /// One HttpClient for every history request, held for the client's life; the client does not dispose it, and
    /// <see cref="SessionClientOptions.RequestTimeout"/> bounds each request beside the HttpClient's own timeout. Takes
    /// precedence over <see cref="HttpMessageHandler"/>; <see cref="HttpClientFactory"/> takes precedence over it.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// Makes the HttpClient for each history and file request, for example <c>() => factory.CreateClient(name)</c> with
    /// <c>IHttpClientFactory</c> (what <c>AddSessionClient</c> sets): the host's handlers and resilience apply to every
    /// request, and handlers rotate as the factory intends. Each client is disposed after its request (a download's when
    /// its stream is). <see cref="SessionClientOptions.RequestTimeout"/> bounds each history request; only the caller's token
    /// bounds an upload or a download (their clients' Timeout is set to infinite). Takes precedence over
    /// <see cref="HttpClient"/> and <see cref="HttpMessageHandler"/>.
    /// </summary>
    public Func<HttpClient>? HttpClientFactory { get; set; }

    /// <summary>Where the client's meters come from (the host's <see cref="IMeterFactory"/>); null uses a shared meter.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// When true, a first connect (create or resume) that fails for a reason worth retrying (the engine unreachable, a
    /// timeout) is retried with <see cref="ReconnectPolicy"/>, as a reconnect would be. Off by default: a first connect
    /// that fails usually means a wrong address, which the caller should hear of at once.
    /// </summary>
    public bool RetryInitialConnect { get; set; }
}
