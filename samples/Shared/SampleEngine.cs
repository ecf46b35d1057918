// Shared by the console samples (linked into QuickStart and Chat): which engine to talk to, and the command line.
using Sessions;
using Sessions.Engine;

namespace Samples;

/// <summary>
/// The engine a sample talks to: the one named by <c>--url</c> and <c>--key</c> (or <c>VECTORSHIFT_BASE_URL</c> and
/// <c>VECTORSHIFT_API_KEY</c>, the variables the client itself reads), else a local engine started in this process.
/// </summary>
internal sealed class SampleEngine : IAsyncDisposable
{
    private SampleEngine(Uri baseAddress, string apiKey, LocalEngine? local)
    {
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Local = local;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    /// <summary>The in-process engine when no engine was named (its fault switches drive the Chat's <c>/drop</c>); else null.</summary>
    public LocalEngine? Local { get; }

    /// <exception cref="ArgumentException">An engine is named without a key.</exception>
    /// <exception cref="UriFormatException">The engine's address is not an absolute URI.</exception>
    public static async Task<SampleEngine> StartAsync(CancellationToken cancellationToken = default)
    {
        if ((Option("--url") ?? Env(SessionClientOptions.BaseAddressVariable)) is { } url)
        {
            var key = Option("--key") ?? Env(SessionClientOptions.ApiKeyVariable)
                ?? throw new ArgumentException($"Give the engine's API key: --key or {SessionClientOptions.ApiKeyVariable}.");
            return new SampleEngine(new Uri(url), key, local: null);
        }

        var local = await LocalEngine.StartAsync(cancellationToken: cancellationToken);
        return new SampleEngine(local.BaseAddress, local.ApiKey, local);
    }

    /// <summary>The value after <paramref name="name"/> on the command line (<c>--agent id</c>), or null.</summary>
    public static string? Option(string name)
    {
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, name);
        return at > 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public ValueTask DisposeAsync() => Local?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
