using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sessions;
using Sessions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SessionClient"/>s in a service collection, the Microsoft.Extensions way.</summary>
public static class SessionClientServiceCollectionExtensions
{
    /// <summary>The configuration section the samples use: <c>"Sessions"</c>.</summary>
    public const string DefaultSectionName = "Sessions";

    /// <summary>Registers the default <see cref="SessionClient"/> (a singleton) from a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section with the keys (<c>BaseAddress</c>, <c>ApiKey</c>, <c>ConnectTimeout</c>, …), for example <c>builder.Configuration.GetSection("Sessions")</c>.</param>
    /// <param name="configure">Runs after the section is applied: a credential, transport settings.</param>
    public static SessionClientBuilder AddSessionClient(this IServiceCollection services, IConfiguration configuration, Action<SessionClientOptions>? configure = null)
        => Add(services, Options.Options.DefaultName, null, configuration ?? throw new ArgumentNullException(nameof(configuration)), configure);

    /// <summary>Registers the default <see cref="SessionClient"/> (a singleton) configured in code.</summary>
    public static SessionClientBuilder AddSessionClient(this IServiceCollection services, Action<SessionClientOptions> configure)
        => Add(services, Options.Options.DefaultName, null, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Registers a keyed <see cref="SessionClient"/> (one per engine); resolve it with <c>[FromKeyedServices(key)]</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key; also the options name.</param>
    /// <param name="configuration">The section with the keys.</param>
    /// <param name="configure">Runs after the section is applied.</param>
    public static SessionClientBuilder AddKeyedSessionClient(this IServiceCollection services, string serviceKey, IConfiguration configuration, Action<SessionClientOptions>? configure = null)
        => Add(services, RequireKey(serviceKey), serviceKey, configuration ?? throw new ArgumentNullException(nameof(configuration)), configure);

    /// <summary>Registers a keyed <see cref="SessionClient"/> configured in code.</summary>
    public static SessionClientBuilder AddKeyedSessionClient(this IServiceCollection services, string serviceKey, Action<SessionClientOptions> configure)
        => Add(services, RequireKey(serviceKey), serviceKey, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>The name of the HttpClient a client uses for history and file requests (<c>IHttpClientFactory</c>).</summary>
    public static string HttpClientName(string optionsName) => "Sessions.SessionClient" + (optionsName.Length == 0 ? string.Empty : "." + optionsName);

    private static SessionClientBuilder Add(IServiceCollection services, string name, string? serviceKey, IConfiguration? section, Action<SessionClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var httpClientName = HttpClientName(name);
        var httpClient = services.AddHttpClient(httpClientName);
        var options = services.AddOptions<SessionClientOptions>(name);

        // What the container has comes first, so that the section and the delegate can still replace it.
        options.Configure<IServiceProvider>((o, provider) =>
        {
            if (o.LoggerFactory is NullLoggerFactory && provider.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                o.LoggerFactory = loggerFactory;
            }

            o.TimeProvider = provider.GetService<TimeProvider>() ?? o.TimeProvider;
            o.MeterFactory ??= provider.GetService<IMeterFactory>();
            if (o.HttpClientFactory is null && o.HttpClient is null)
            {
                // A new client per request, not one for the singleton's life: the factory rotates handlers.
                var clients = provider.GetRequiredService<IHttpClientFactory>();
                o.HttpClientFactory = () => clients.CreateClient(httpClientName);
            }
        });

        if (section is not null)
        {
            options.Configure(o =>
            {
                var bound = new SessionClientConfiguration();
                section.Bind(bound);
                bound.ApplyTo(o);
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        var sectionPath = section is IConfigurationSection named ? named.Path : string.Empty;
        services.AddSingleton<IValidateOptions<SessionClientOptions>>(new SessionClientOptionsValidator(name, sectionPath));
        options.ValidateOnStart();

        if (serviceKey is null)
        {
            services.TryAddSingleton(provider => new SessionClient(provider.GetRequiredService<IOptionsMonitor<SessionClientOptions>>().Get(name)));
        }
        else
        {
            services.AddKeyedSingleton(serviceKey, (provider, _) => new SessionClient(provider.GetRequiredService<IOptionsMonitor<SessionClientOptions>>().Get(name)));
        }

        return new SessionClientBuilder(services, name, serviceKey, options, httpClient);
    }

    private static string RequireKey(string serviceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        return serviceKey;
    }
}
