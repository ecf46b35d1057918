using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Credentials;

/// <summary>
/// Turns a <see cref="SessionCredential"/> into Authorization header values, and runs a request that needs one with one
/// retry on 401 after asking the credential for a fresh token. The only place a token is turned into a header.
/// </summary>
internal sealed class EngineAuthorization
{
    private readonly SessionCredential _credential;

    public EngineAuthorization(SessionCredential credential) => _credential = credential;

    /// <summary>Runs <paramref name="attempt"/> with a header value; on a 401, asks for a fresh token and runs it once more.</summary>
    public async Task<T> RunAsync<T>(SessionTokenPurpose purpose, string? sessionId, Func<string, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(new SessionTokenContext(purpose, sessionId, forceRefresh: false), cancellationToken).ConfigureAwait(false);
        try
        {
            return await attempt(header).ConfigureAwait(false);
        }
        catch (SessionAuthenticationException) when (_credential is not ApiKeyCredential)
        {
            // The token may have expired since the credential handed it out: one more try with a fresh one, then the 401
            // stands. Only when the fresh token differs: the same token would only be refused again (a fixed key always is).
            var fresh = await HeaderAsync(new SessionTokenContext(purpose, sessionId, forceRefresh: true), cancellationToken).ConfigureAwait(false);
            if (string.Equals(fresh, header, StringComparison.Ordinal))
            {
                throw;
            }

            return await attempt(fresh).ConfigureAwait(false);
        }
    }

    /// <summary>One header value, for a request that cannot be repeated (a streamed upload): no retry on 401.</summary>
    public Task<string> HeaderAsync(SessionTokenPurpose purpose, string? sessionId, CancellationToken cancellationToken)
        => HeaderAsync(new SessionTokenContext(purpose, sessionId, forceRefresh: false), cancellationToken);

    private async Task<string> HeaderAsync(SessionTokenContext context, CancellationToken cancellationToken)
    {
        SessionToken token;
        try
        {
            token = await _credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (SessionException or OperationCanceledException))
        {
            // Not chained: the credential's exception may quote the token or its endpoint's answer, and an inner exception
            // reaches logs and span events through ToString. Its type is enough to know where to look.
            throw new SessionAuthenticationException($"The credential ({_credential}) failed to provide a token for {context.Purpose}: {exception.GetType().FullName}.");
        }

        if (string.IsNullOrWhiteSpace(token.Token))
        {
            throw new SessionAuthenticationException($"The credential ({_credential}) returned an empty token for {context.Purpose}.");
        }

        return "Bearer " + token.Token;
    }

    public override string ToString() => "EngineAuthorization(" + _credential + ")";
}
