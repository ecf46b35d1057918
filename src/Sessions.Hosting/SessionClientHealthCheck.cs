using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sessions.Hosting;

/// <summary>
/// Healthy when the engine is reachable and accepts the client's credential: opens the session WebSocket with the
/// client's token and asks to join a session id that cannot exist. "Not found" proves both (the engine checks the
/// token before the upgrade); a 401/403 says the credential is refused; anything else says the engine is unreachable.
/// </summary>
internal sealed class SessionClientHealthCheck : IHealthCheck
{
    private readonly SessionClient _client;

    public SessionClientHealthCheck(SessionClient client) => _client = client;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = _client.GetSession("health-probe-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        try
        {
            await probe.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The engine at {_client.BaseAddress} answered.");
        }
        catch (SessionNotFoundException)
        {
            return HealthCheckResult.Healthy($"The engine at {_client.BaseAddress} is reachable and accepts the credential.");
        }
        catch (Exception exception) when (exception is SessionAuthenticationException or SessionPermissionException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The engine at {_client.BaseAddress} refused the credential.", exception);
        }
        catch (SessionException exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The engine at {_client.BaseAddress} is unreachable: {exception.Message}", exception);
        }
        finally
        {
            await probe.DisposeAsync().ConfigureAwait(false);
        }
    }
}
