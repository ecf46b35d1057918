using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>
/// The entry point: holds the engine's address, the API key and the settings, and hands out
/// <see cref="Agent"/> and <see cref="Chatbot"/> handles and sessions. Thread-safe; one per application.
/// </summary>
/// <example>
/// <code>
/// using var client = new SessionClient(new SessionClientOptions { BaseAddress = new Uri("https://engine.example/") });
/// await using var session = await client.Agent("my-agent").CreateSessionAsync();
/// </code>
/// </example>
public sealed class SessionClient : IDisposable
{
    /// <summary>Creates a client; the key and address fall back to <c>VECTORSHIFT_API_KEY</c> and <c>VECTORSHIFT_BASE_URL</c>.</summary>
    /// <exception cref="ArgumentException">No address or key, or a clear-text address to a host other than loopback.</exception>
    public SessionClient(SessionClientOptions? options = null)
    {
        Options = options ?? new SessionClientOptions();
        var baseAddress = Options.BaseAddress
            ?? (Environment.GetEnvironmentVariable(SessionClientOptions.BaseAddressVariable) is { Length: > 0 } fromEnvironment ? new Uri(fromEnvironment) : null)
            ?? throw new ArgumentException($"No engine address: set SessionClientOptions.BaseAddress or {SessionClientOptions.BaseAddressVariable}.", nameof(options));
        Credential = Options.Credential ?? new ApiKeyCredential(Options.ApiKey is { Length: > 0 } key
            ? key
            : Environment.GetEnvironmentVariable(SessionClientOptions.ApiKeyVariable) is { Length: > 0 } envKey
                ? envKey
                : throw new ArgumentException($"No API key: set SessionClientOptions.ApiKey, SessionClientOptions.Credential or {SessionClientOptions.ApiKeyVariable}.", nameof(options)));
        Authorization = new Credentials.EngineAuthorization(Credential);

        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        if (BaseAddress.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            throw new ArgumentException($"The engine address must be http(s) or ws(s), not '{BaseAddress.Scheme}'.", nameof(options));
        }

        var secure = BaseAddress.Scheme is "https" or "wss";
        if (!secure && !BaseAddress.IsLoopback && !Options.AllowInsecureTransport)
        {
            throw new ArgumentException(
                $"Refusing clear-text {BaseAddress.Scheme}:// to {BaseAddress.Host}: the API key would cross the network unencrypted. Use https/wss, or set AllowInsecureTransport.",
                nameof(options));
        }

        var http = new UriBuilder(BaseAddress) { Scheme = secure ? "https" : "http" }.Uri;
        WebSocketAddress = new Uri(new UriBuilder(BaseAddress) { Scheme = secure ? "wss" : "ws" }.Uri, Connection.WebSocketEndpoint.Path);
        Metrics = Diagnostics.SessionsMetrics.For(Options.MeterFactory);
        History = new HistoryClient(http, Authorization, Options.HttpClient, Options.HttpMessageHandler);
    }

    /// <summary>Creates a client for an engine address and key.</summary>
    public SessionClient(Uri baseAddress, string apiKey)
        : this(new SessionClientOptions { BaseAddress = baseAddress, ApiKey = apiKey })
    {
    }

    /// <summary>The engine's base address (always ends with a slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The settings.</summary>
    public SessionClientOptions Options { get; }

    /// <summary>Where the bearer token comes from: <see cref="SessionClientOptions.Credential"/>, else an <see cref="ApiKeyCredential"/>.</summary>
    public SessionCredential Credential { get; }

    internal Credentials.EngineAuthorization Authorization { get; }

    internal Uri WebSocketAddress { get; }

    internal Diagnostics.SessionsMetrics Metrics { get; }

    internal HistoryClient History { get; }

    /// <summary>A handle on an agent, to create sessions with it or run one turn.</summary>
    public Agent Agent(string agentId) => new(this, agentId);

    /// <summary>A handle on a chatbot, to create sessions with it.</summary>
    public Chatbot Chatbot(string chatbotId) => new(this, chatbotId);

    /// <summary>Resumes an existing session by id (no agent needed) and connects it.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="afterSeq">Events after this seq are replayed on connect; 0 or null leaves it to the engine.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public async Task<Session> ResumeSessionAsync(string sessionId, long? afterSeq = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var session = new Session(this, sessionId, null, null, afterSeq ?? 0);
        await ConnectOrDisposeAsync(session, Options, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>A session for an existing id, not yet connected (call <see cref="Session.ConnectAsync"/>).</summary>
    public Session Session(string sessionId) => new(this, sessionId ?? throw new ArgumentNullException(nameof(sessionId)), null, null, 0);

    internal async Task<Session> CreateSessionAsync(string? agentId, string? chatbotId, CancellationToken cancellationToken)
    {
        var session = new Session(this, null, agentId, chatbotId, 0);
        await ConnectOrDisposeAsync(session, Options, cancellationToken).ConfigureAwait(false);
        return session;
    }

    private static async Task ConnectOrDisposeAsync(Session session, SessionClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await InitialConnectRetry.ConnectAsync(session, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Releases the HTTP client used for history. Sessions are disposed by their owners.</summary>
    public void Dispose() => History.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"SessionClient({BaseAddress})"; // never the key
}
