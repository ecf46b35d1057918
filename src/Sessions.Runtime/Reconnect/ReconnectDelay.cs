using System;

namespace Sessions;

/// <summary>
/// Asks the app's <see cref="IReconnectPolicy"/> for the next delay. The policy is the app's code: a policy that throws,
/// or answers a delay <see cref="System.Threading.Tasks.Task.Delay(TimeSpan)"/> cannot wait, ends the reconnecting with a
/// <see cref="SessionDisconnectedException"/> instead of faulting a loop nobody awaits.
/// </summary>
internal static class ReconnectDelay
{
    // Task.Delay waits at most uint.MaxValue - 1 milliseconds (about 49.7 days).
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>The policy's delay, or null to give up.</summary>
    /// <exception cref="SessionDisconnectedException">The policy threw, or its delay is negative or too long.</exception>
    public static TimeSpan? Next(IReconnectPolicy policy, ReconnectContext context)
    {
        TimeSpan? delay;
        try
        {
            delay = policy.NextDelay(context);
        }
#pragma warning disable CA1031 // Whatever the app's policy throws ends the reconnecting the same way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            throw new SessionDisconnectedException($"The reconnect policy {policy.GetType().Name} threw {exception.GetType().Name}; the session stopped reconnecting.", exception);
        }

        if (delay is { } value && (value < TimeSpan.Zero || value > Longest))
        {
            throw new SessionDisconnectedException($"The reconnect policy {policy.GetType().Name} returned a delay of {value}; a delay must be between 00:00:00 and {Longest}. The session stopped reconnecting.", context.LastError);
        }

        return delay;
    }
}
