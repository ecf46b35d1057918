using System;
using System.Threading;

namespace Sessions.Hosting.Tests.Infrastructure;

/// <summary>A generous bound for waits, so a broken test fails instead of hanging (not a timing goal).</summary>
public static class Within
{
    public static CancellationToken Token(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
