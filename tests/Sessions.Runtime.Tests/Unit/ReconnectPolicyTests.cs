using System;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

public sealed class ReconnectPolicyTests
{
    [Fact]
    public void Delays_grow_exponentially_within_jitter_and_cap()
    {
        var policy = new ExponentialBackoffReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), MaxAttempts = 50 };
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var capped = Math.Min(100 * Math.Pow(2, attempt), 1000);
            var delay = policy.NextDelay(new ReconnectContext(attempt, TimeSpan.Zero, null))!.Value.TotalMilliseconds;
            Assert.InRange(delay, capped * 0.5, capped);
        }
    }

    [Fact]
    public void It_gives_up_after_the_attempts_or_the_time_allowed()
    {
        var policy = new ExponentialBackoffReconnectPolicy { MaxAttempts = 3, MaxElapsed = TimeSpan.FromSeconds(30) };
        Assert.NotNull(policy.NextDelay(new ReconnectContext(2, TimeSpan.FromSeconds(1), null)));
        Assert.Null(policy.NextDelay(new ReconnectContext(3, TimeSpan.FromSeconds(1), null)));
        Assert.Null(policy.NextDelay(new ReconnectContext(0, TimeSpan.FromSeconds(30), null)));
    }
}
