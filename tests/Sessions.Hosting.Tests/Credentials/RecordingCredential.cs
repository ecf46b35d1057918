using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Hosting.Tests.Credentials;

/// <summary>A credential that records every request for a token and answers with what the test decides.</summary>
public sealed class RecordingCredential(Func<SessionTokenContext, int, string> answer) : SessionCredential
{
    public ConcurrentQueue<SessionTokenContext> Requests { get; } = new();

    public override ValueTask<SessionToken> GetTokenAsync(SessionTokenContext context, CancellationToken cancellationToken)
    {
        Requests.Enqueue(context);
        return new(new SessionToken(answer(context, Requests.Count), DateTimeOffset.UtcNow.AddMinutes(5)));
    }
}
