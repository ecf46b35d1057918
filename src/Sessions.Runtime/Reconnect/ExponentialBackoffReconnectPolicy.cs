using System;

namespace Sessions;

/// <summary>
/// Reconnects with exponential backoff and full jitter (each delay drawn between half and all of the
/// capped exponential value), so that many clients dropped together do not return together.
/// </summary>
public sealed class ExponentialBackoffReconnectPolicy : IReconnectPolicy
{
    /// <summary>The first delay, before jitter.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest delay, before jitter.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts after which the session gives up.</summary>
    public int MaxAttempts { get; init; } = 12;

    /// <summary>Time after the drop after which the session gives up.</summary>
    public TimeSpan MaxElapsed { get; init; } = TimeSpan.FromMinutes(2);

    /// <inheritdoc/>
    public TimeSpan? NextDelay(ReconnectContext context)
    {
        if (context.PreviousAttempts >= MaxAttempts || context.Elapsed >= MaxElapsed)
        {
            return null;
        }

        var exponential = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(context.PreviousAttempts, 30));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        // Jitter only spreads clients out; it needs no cryptographic randomness.
#pragma warning disable CA5394
        var jittered = capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }
}
