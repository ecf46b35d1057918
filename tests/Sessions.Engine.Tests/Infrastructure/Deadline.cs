using System;
using System.Threading;

namespace Sessions.Engine.Tests.Infrastructure;

/// <summary>Every wait in these tests is bounded: a broken engine fails a test, it never hangs the run.</summary>
internal static class Deadline
{
    /// <summary>How long any single wait may take. Generous: CI machines are slow and shared.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    public static CancellationToken Token(TimeSpan? timeout = null) => new CancellationTokenSource(timeout ?? Default).Token;
}
