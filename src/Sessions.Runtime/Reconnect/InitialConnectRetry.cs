using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>
/// The first connect, retried with the reconnect policy when <see cref="SessionClientOptions.RetryInitialConnect"/> is on:
/// an engine that is still starting (a container beside the app) or a blip is waited out, as a reconnect would be.
/// Refusals (401, 403, 404) are never retried: the answer would be the same.
/// </summary>
internal static class InitialConnectRetry
{
    public static async Task ConnectAsync(Session session, SessionClientOptions options, CancellationToken cancellationToken)
    {
        if (!options.RetryInitialConnect || options.ReconnectPolicy is not { } policy)
        {
            await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SessionException exception) when (exception is SessionDisconnectedException or SessionTimeoutException && !cancellationToken.IsCancellationRequested)
            {
                var delay = ReconnectDelay.Next(policy, new ReconnectContext(attempt, time.GetElapsedTime(started), exception));
                if (delay is null)
                {
                    throw;
                }

                await Task.Delay(delay.Value, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
