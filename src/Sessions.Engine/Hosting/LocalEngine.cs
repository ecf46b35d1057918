using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Engine.Diagnostics;
using Sessions.Engine.Hosting;
using Sessions.Engine.Sessions;

namespace Sessions.Engine;

/// <summary>
/// A session engine running in this process: Kestrel on loopback with the session WebSocket at
/// <c>/v1/sessions/ws</c> and history at <c>GET /v1/sessions/{id}/messages</c>. Start it, point a client at
/// <see cref="WebSocketAddress"/> with <see cref="ApiKey"/>, dispose it.
/// </summary>
/// <example>
/// <code>
/// await using var engine = await LocalEngine.StartAsync();
/// // connect to engine.WebSocketAddress with "Authorization: Bearer " + engine.ApiKey
/// </code>
/// </example>
public sealed class LocalEngine : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EngineState state;
    private int disposed;

    private LocalEngine(WebApplication app, EngineState state, string apiKey, bool apiKeyGenerated, IReadOnlyList<Uri> addresses)
    {
        this.app = app;
        this.state = state;
        ApiKey = apiKey;
        ApiKeyGenerated = apiKeyGenerated;
        Addresses = addresses;
        BaseAddress = addresses[0];
        WebSocketAddress = new UriBuilder(BaseAddress)
        {
            Scheme = BaseAddress.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs,
            Path = global::Sessions.Protocol.ProtocolFacts.SocketPath,
        }.Uri;
    }

    /// <summary>The engine's HTTP address, for example <c>http://127.0.0.1:53211/</c> (the first one it listens on).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The session WebSocket, for example <c>ws://127.0.0.1:53211/v1/sessions/ws</c>.</summary>
    public Uri WebSocketAddress { get; }

    /// <summary>Every address the engine listens on (several when <see cref="LocalEngineOptions.Urls"/> names several).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first configured API key, or the development key the engine made up when none was configured.</summary>
    public string ApiKey { get; }

    /// <summary>True when <see cref="ApiKey"/> was made up at start-up because no key was configured.</summary>
    public bool ApiKeyGenerated { get; }

    /// <summary>The temp folder that holds this engine's uploads (deleted on dispose); for tests.</summary>
    internal string FilesFolder => state.Files.Folder;

    /// <summary>Fault injection for tests: drop, stall, malformed, unknown or oversize frames.</summary>
    public EngineFaults Faults => state.Faults;

    /// <summary>Starts an engine and returns once it listens.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (loopback, ephemeral port, development key, scripted agent).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running engine; dispose it to stop it.</returns>
    public static async Task<LocalEngine> StartAsync(LocalEngineOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = Snapshot(options ?? new LocalEngineOptions());
        settings.Validate();
        var generated = settings.ApiKeys.Count == 0;
        if (generated)
        {
            settings.ApiKeys.Add(EngineIds.NewDevelopmentKey());
        }

        var loggerFactory = settings.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Sessions.Engine");
        var timeProvider = settings.TimeProvider ?? TimeProvider.System;
        var sessions = new SessionStore(settings.Agent ?? new ScriptedAgent(), settings.FoldWindow, timeProvider, logger);
        var state = new EngineState(settings, new ApiKeyAuthenticator(settings.ApiKeys), sessions, new EngineFaults(settings.MaxFrameBytes), logger);
        var app = EngineApplication.Build(state, loggerFactory);
        state.Stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await sessions.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Urls.Select(ClientAddress).ToArray();
        Log.EngineStarted(logger, addresses[0]);
        return new LocalEngine(app, state, settings.ApiKeys[0], generated, addresses);
    }

    /// <summary>The address of a session's history, for <c>HttpClient</c>.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="afterSeq">Only messages after this <c>seq</c>, when given.</param>
    /// <returns>The absolute address.</returns>
    public Uri HistoryAddress(string sessionId, long? afterSeq = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return new Uri(BaseAddress, global::Sessions.Protocol.ProtocolFacts.HistoryPath(sessionId, afterSeq));
    }

    /// <summary>
    /// The events the engine has stored for a live session, in <c>seq</c> order, whoever owns it; empty for an unknown
    /// or terminated session. For tests that check a client saw everything exactly once.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <returns>The stored events, each with its <c>seq</c>.</returns>
    public IReadOnlyList<SessionEvent> GetStoredEvents(string sessionId)
        => state.Sessions.Get(sessionId)?.StoredEvents() ?? [];

    /// <summary>
    /// Stops the engine: running turns are cancelled, connections get a 1001 close and a bounded time to answer it,
    /// then everything still open is aborted. Never throws, never waits much longer than
    /// <see cref="LocalEngineOptions.ShutdownTimeout"/> (twice, at worst).
    /// </summary>
    /// <returns>A task that completes when the engine has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        var timeout = state.Options.ShutdownTimeout;
        try
        {
            // Turns first, so no new event races the closing connections.
            await state.Sessions.StopAsync(timeout).ConfigureAwait(false);
            using var stopTimeout = new CancellationTokenSource(timeout);
            await app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Dispose never throws: a failed shutdown is logged, and the app disposed anyway.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.ShutdownFailed(state.Logger, exception);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await state.Sessions.DisposeAsync().ConfigureAwait(false);
            state.Files.Dispose();
        }
    }

    /// <summary>A private copy, so that changing the caller's options after start changes nothing.</summary>
    private static LocalEngineOptions Snapshot(LocalEngineOptions options)
    {
        var copy = new LocalEngineOptions
        {
            Urls = options.Urls,
            FoldWindow = options.FoldWindow,
            Agent = options.Agent,
            MaxFrameBytes = options.MaxFrameBytes,
            MaxFileBytes = options.MaxFileBytes,
            MaxMessageBytes = options.MaxMessageBytes,
            ShutdownTimeout = options.ShutdownTimeout,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        };
        foreach (var key in options.ApiKeys)
        {
            copy.ApiKeys.Add(key);
        }

        return copy;
    }

    /// <summary>A bound address as a client should dial it: wildcard hosts become loopback.</summary>
    private static Uri ClientAddress(string bound)
    {
        var address = new UriBuilder(bound.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        address.Host = address.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ => address.Host,
        };
        address.Path = "/";
        return address.Uri;
    }
}
