using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sessions.Hosting;

/// <summary>What <c>AddSessionClient</c> registered, to configure it further.</summary>
public sealed class SessionClientBuilder
{
    internal SessionClientBuilder(IServiceCollection services, string name, string? serviceKey, OptionsBuilder<SessionClientOptions> options, IHttpClientBuilder httpClient)
    {
        Services = services;
        Name = name;
        ServiceKey = serviceKey;
        Options = options;
        HttpClient = httpClient;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The options name: empty for the default client, the service key for a keyed one.</summary>
    public string Name { get; }

    /// <summary>The service key of a keyed client; null for the default one.</summary>
    public string? ServiceKey { get; }

    /// <summary>The client's options, to add configuration or validation.</summary>
    public OptionsBuilder<SessionClientOptions> Options { get; }

    /// <summary>The named HttpClient used for history and file requests (add handlers, resilience, a primary handler here).</summary>
    public IHttpClientBuilder HttpClient { get; }
}
