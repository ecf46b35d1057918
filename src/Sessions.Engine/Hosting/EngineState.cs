using System.Threading;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Sessions;

namespace Sessions.Engine.Hosting;

/// <summary>What every endpoint and connection of one engine shares.</summary>
internal sealed class EngineState
{
    public EngineState(LocalEngineOptions options, ApiKeyAuthenticator auth, SessionStore sessions, EngineFaults faults, ILogger logger)
    {
        Options = options;
        Auth = auth;
        Sessions = sessions;
        Faults = faults;
        Logger = logger;
        Files = new Uploads.FileStore(options.MaxFileBytes, options.MaxMessageBytes);
    }

    /// <summary>A private copy of the options the engine started with.</summary>
    public LocalEngineOptions Options { get; }

    public ApiKeyAuthenticator Auth { get; }

    public SessionStore Sessions { get; }

    public EngineFaults Faults { get; }

    /// <summary>The sessions' uploaded and inline files (<c>Uploads/</c>).</summary>
    public Uploads.FileStore Files { get; }

    public ILogger Logger { get; }

    /// <summary>Cancelled when the engine starts to stop: connections then close with 1001.</summary>
    public CancellationToken Stopping { get; set; }
}
