using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Protocol;
using Sessions.Transport;

namespace Sessions;

/// <summary>
/// The entry point: holds the engine's address, the API key and the settings, and hands out
/// <see cref="Agent"/> and <see cref="Chatbot"/> handles and sessions. Thread-safe; one per application.
/// </summary>
/// <remarks>
/// For tests, either run sessions on an <see cref="InMemoryTransport"/> (<see cref="SessionClientOptions.Transport"/>),
/// or subclass: the protected constructor makes a client with no engine, and
/// <see cref="CreateSessionAsync(string?, string?, CancellationToken)"/> and <see cref="ResumeSessionAsync"/> are virtual.
/// </remarks>
/// <example>
/// <code>
/// using var client = new SessionClient(new SessionClientOptions { BaseAddress = new Uri("https://engine.example/") });
/// await using var session = await client.Agent("my-agent").CreateSessionAsync();
/// </code>
/// </example>
public class SessionClient : IDisposable
{
    private static readonly Uri NoAddress = new("http://localhost/");

    /// <summary>The credential of a client with a custom transport and no key: history and files, which need one, fail clearly.</summary>
    private static readonly SessionCredential NoCredential = SessionCredential.FromCallback(static (_, _) =>
        throw new SessionAuthenticationException($"No API key: set SessionClientOptions.ApiKey, SessionClientOptions.Credential or {SessionClientOptions.ApiKeyVariable}."));

    /// <summary>Creates a client; the key and address fall back to <c>VECTORSHIFT_API_KEY</c> and <c>VECTORSHIFT_BASE_URL</c>.</summary>
    /// <exception cref="ArgumentException">No address or key (neither needed with a <see cref="SessionClientOptions.Transport"/>); an address that is not absolute http(s) or ws(s), or that contains user information, a query or a fragment; or a clear-text address to a host other than loopback.</exception>
    public SessionClient(SessionClientOptions? options = null)
    {
        Options = options ?? new SessionClientOptions();
        var custom = Options.Transport;
        var baseAddress = Options.BaseAddress
            ?? AddressFromEnvironment()
            ?? (custom is null ? throw new ArgumentException($"No engine address: set SessionClientOptions.BaseAddress or {SessionClientOptions.BaseAddressVariable}.", nameof(options)) : NoAddress);
        if (EngineAddress.Problem(baseAddress) is { } problem)
        {
            throw new ArgumentException($"The engine address {problem}.", nameof(options));
        }

        Credential = Options.Credential
            ?? (Options.ApiKey is { Length: > 0 } key
                ? new ApiKeyCredential(key)
                : Environment.GetEnvironmentVariable(SessionClientOptions.ApiKeyVariable) is { Length: > 0 } envKey
                    ? new ApiKeyCredential(envKey)
                    : custom is null
                        ? throw new ArgumentException($"No API key: set SessionClientOptions.ApiKey, SessionClientOptions.Credential or {SessionClientOptions.ApiKeyVariable}.", nameof(options))
                        : NoCredential);
        Authorization = new Credentials.EngineAuthorization(Credential);

        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

        var secure = BaseAddress.Scheme is "https" or "wss";
        if (!secure && !BaseAddress.IsLoopback && !Options.AllowInsecureTransport)
        {
            throw new ArgumentException(
                $"Refusing clear-text {BaseAddress.Scheme}:// to {BaseAddress.Host}: the API key would cross the network unencrypted. Use https/wss, or set AllowInsecureTransport.",
                nameof(options));
        }

        var http = new UriBuilder(BaseAddress) { Scheme = secure ? "https" : "http" }.Uri;
        WebSocketAddress = new Uri(new UriBuilder(BaseAddress) { Scheme = secure ? "wss" : "ws" }.Uri, ProtocolFacts.SocketPath);
        Metrics = Diagnostics.SessionsMetrics.For(Options.MeterFactory);
        _history = new HistoryClient(http, Authorization, new EngineHttpClients(Options.HttpClientFactory, Options.HttpClient, Options.HttpMessageHandler), Options.RequestTimeout);
        _files = new FileUploadClient(http, Authorization, new EngineHttpClients(Options.HttpClientFactory, shared: null, Options.HttpMessageHandler), Options.InlineFileMaxBytes);
        Transport = custom ?? new WebSocketTransport(WebSocketAddress, Authorization, Options.ConfigureWebSocket, Options.MaxFrameBytes);
    }

    private static Uri? AddressFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(SessionClientOptions.BaseAddressVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var address)
            ? address
            : throw new ArgumentException($"{SessionClientOptions.BaseAddressVariable} is not an absolute http(s) or ws(s) address.");
    }

    /// <summary>Creates a client for an engine address and key.</summary>
    public SessionClient(Uri baseAddress, string apiKey)
        : this(new SessionClientOptions { BaseAddress = baseAddress, ApiKey = apiKey })
    {
    }

    /// <summary>For test doubles: a client with no engine behind it. Override the members the test uses.</summary>
    protected SessionClient()
    {
        Options = new SessionClientOptions();
        BaseAddress = NoAddress;
        Credential = NoCredential;
        Authorization = new Credentials.EngineAuthorization(Credential);
        Metrics = Diagnostics.SessionsMetrics.For(null);
        WebSocketAddress = new Uri(NoAddress, ProtocolFacts.SocketPath);
        Transport = new InMemoryTransport();
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

    internal HistoryClient History => _history ?? throw new SessionException("This client is a test double made with the protected constructor: it has no history endpoint.");

    private HistoryClient? _history;

    internal ISessionTransport Transport { get; }

    internal FileUploadClient Files => _files ?? throw new SessionException("This client is a test double made with the protected constructor: it has no file endpoint.");

    private FileUploadClient? _files;

    /// <summary>A handle on an agent, to create sessions with it or run one turn.</summary>
    public Agent Agent(string agentId) => new(this, agentId);

    /// <summary>A handle on a chatbot, to create sessions with it.</summary>
    public Chatbot Chatbot(string chatbotId) => new(this, chatbotId);

    /// <summary>Resumes an existing session by id (no agent needed) and connects it.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="afterSeq">Events after this seq are replayed on connect; 0 or null leaves it to the engine.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <remarks>To hold a session before it connects (to listen from its very first event), use <see cref="GetSession(string)"/> and then <see cref="Sessions.Session.ConnectAsync"/>.</remarks>
    public virtual async Task<Session> ResumeSessionAsync(string sessionId, long? afterSeq = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var session = new Session(this, sessionId, null, null, afterSeq ?? 0);
        await ConnectOrDisposeAsync(session, Options, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>A session for an existing id, not yet connected (call <see cref="Sessions.Session.ConnectAsync"/>): to listen from its very first event, or to read its history.</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is null or empty.</exception>
    public virtual Session GetSession(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return new(this, sessionId, null, null, 0);
    }

    /// <summary>Creates a session with an agent or a chatbot and connects it: what <see cref="Sessions.Agent.CreateSessionAsync"/> and <see cref="Sessions.Chatbot.CreateSessionAsync"/> call.</summary>
    /// <param name="agentId">The agent, or null.</param>
    /// <param name="chatbotId">The chatbot, or null.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    protected internal virtual async Task<Session> CreateSessionAsync(string? agentId, string? chatbotId, CancellationToken cancellationToken)
    {
        var session = new Session(this, null, agentId, chatbotId, 0);
        await ConnectOrDisposeAsync(session, Options, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>Releases the HTTP clients used for history and files. Sessions are disposed by their owners.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"SessionClient({BaseAddress})"; // never the key

    /// <summary>Releases the HTTP clients used for history and files.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _history?.Dispose();
            _files?.Dispose();
        }
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
}
