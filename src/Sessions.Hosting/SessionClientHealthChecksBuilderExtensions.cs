using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sessions;
using Sessions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the session engine's health check.</summary>
public static class SessionClientHealthChecksBuilderExtensions
{
    /// <summary>Checks that the engine of a registered client is reachable and accepts its credential.</summary>
    /// <param name="builder">The health checks.</param>
    /// <param name="serviceKey">The keyed client to check; null for the default one.</param>
    /// <param name="name">The check's name; defaults to <c>sessions</c> (or <c>sessions-{key}</c>).</param>
    /// <param name="failureStatus">What a failure reports; defaults to Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    public static IHealthChecksBuilder AddSessionClient(this IHealthChecksBuilder builder, string? serviceKey = null, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name ?? (serviceKey is null ? "sessions" : "sessions-" + serviceKey),
            provider => new SessionClientHealthCheck(serviceKey is null
                ? provider.GetRequiredService<SessionClient>()
                : provider.GetRequiredKeyedService<SessionClient>(serviceKey)),
            failureStatus,
            tags));
    }
}
