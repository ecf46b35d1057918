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
    /// The HttpClient for history requests (for example one from <c>IHttpClientFactory</c>); the client does not dispose
    /// it. Takes precedence over <see cref="HttpMessageHandler"/>.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Where the client's meters come from (the host's <see cref="IMeterFactory"/>); null uses a shared meter.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// When true, a first connect (create or resume) that fails for a reason worth retrying (the engine unreachable, a
    /// timeout) is retried with <see cref="ReconnectPolicy"/>, as a reconnect would be. Off by default: a first connect
    /// that fails usually means a wrong address, which the caller should hear of at once.
    /// </summary>
    public bool RetryInitialConnect { get; set; }
}
