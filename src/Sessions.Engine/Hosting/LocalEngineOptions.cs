using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Sessions.Engine;

/// <summary>Settings of a <see cref="LocalEngine"/>. Every property has a default that suits tests and samples.</summary>
public sealed class LocalEngineOptions
{
    /// <summary>The default <see cref="MaxFrameBytes"/>: 4 MiB, as the protocol brief fixes.</summary>
    public const int DefaultMaxFrameBytes = global::Sessions.Protocol.ProtocolFacts.DefaultMaxFrameBytes;

    /// <summary>
    /// API keys the engine accepts as <c>Authorization: Bearer &lt;key&gt;</c>. When empty, the engine makes up a
    /// development key at start-up (see <see cref="LocalEngine.ApiKey"/>). Every session belongs to the key that created it.
    /// </summary>
    public IList<string> ApiKeys { get; } = new List<string>();

    /// <summary>
    /// Where to listen, in ASP.NET Core's <c>--urls</c> form (several separated by <c>;</c>). Port 0 picks a free port.
    /// Defaults to <c>http://127.0.0.1:0</c>: loopback only, ephemeral port.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// How long the session must be quiet before a turn starts: the turn begins once no post has arrived for this long
    /// (at most ten windows after its first post) and answers every post that arrived by then, so quick sends are
    /// folded into one turn. Defaults to 50 ms; zero starts the turn as soon as the turn loop sees the first post.
    /// </summary>
    public TimeSpan FoldWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The agent that answers turns; <see langword="null"/> uses a <see cref="ScriptedAgent"/>.</summary>
    public IAgent? Agent { get; set; }

    /// <summary>The largest client frame accepted, in bytes; a larger one closes the socket with 1009. Defaults to 4 MiB.</summary>
    public int MaxFrameBytes { get; set; } = DefaultMaxFrameBytes;

    /// <summary>The default <see cref="MaxFileBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The default <see cref="MaxMessageBytes"/>: 512 MiB.</summary>
    public const long DefaultMaxMessageBytes = 512L * 1024 * 1024;

    /// <summary>The largest file accepted, uploaded or inline, in bytes; a larger upload gets 413 <c>file_too_large</c>. Defaults to 256 MiB.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The most bytes the files of one posted message may add up to; more gets the post an <c>error</c> <c>message_too_large</c>. Defaults to 512 MiB.</summary>
    public long MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>
    /// How long shutdown (and a close handshake the engine starts) may take before sockets are aborted. Defaults to 2 s,
    /// so <see cref="LocalEngine.DisposeAsync"/> never hangs on a client that does not answer.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for the fold window, the scripted agent's delays and history timestamps; defaults to the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Where the engine logs; defaults to no logging. API keys are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws when a setting cannot work, naming the setting.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new ArgumentException("LocalEngineOptions.Urls must name at least one address, for example http://127.0.0.1:0.", nameof(Urls));
        }

        if (FoldWindow < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FoldWindow), FoldWindow, "LocalEngineOptions.FoldWindow cannot be negative.");
        }

        if (MaxFrameBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrameBytes), MaxFrameBytes, "LocalEngineOptions.MaxFrameBytes must be at least 1024 bytes.");
        }

        if (MaxFileBytes < 1 || MaxMessageBytes < 1)
        {
            throw new ArgumentOutOfRangeException(MaxFileBytes < 1 ? nameof(MaxFileBytes) : nameof(MaxMessageBytes), "LocalEngineOptions.MaxFileBytes and MaxMessageBytes must be at least 1 byte.");
        }

        if (ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "LocalEngineOptions.ShutdownTimeout must be positive.");
        }

        foreach (var key in ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("LocalEngineOptions.ApiKeys cannot hold an empty key.", nameof(ApiKeys));
            }
        }
    }
}
