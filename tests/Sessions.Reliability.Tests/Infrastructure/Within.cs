using System;
using System.Threading;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>A guard on every wait, so that a test that would hang fails instead. A bound, not a timing goal.</summary>
public static class Within
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static CancellationToken Token() => Token(Limit);

    public static CancellationToken Token(TimeSpan limit) => new CancellationTokenSource(limit).Token;
}
