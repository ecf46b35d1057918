using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>
/// Supplies the bearer token the client sends to the engine. Asked before every connect, every reconnect attempt and
/// every history request, so a token that expires is replaced without ending the session; asked once more with
/// <see cref="SessionTokenContext.ForceRefresh"/> set when the engine refuses a token (401).
/// </summary>
/// <remarks>
/// The shape follows Azure.Core's <c>TokenCredential</c>: an abstract class (so members can be added later without
/// breaking implementers) with an asynchronous <see cref="GetTokenAsync"/>. Caching is the credential's job: return the
/// cached token unless it is about to expire or <see cref="SessionTokenContext.ForceRefresh"/> is set.
/// </remarks>
public abstract class SessionCredential
{
    /// <summary>Returns the token to send as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="context">What the token is for, and whether a cached one was just refused.</param>
    /// <param name="cancellationToken">Cancels the request for a token.</param>
    public abstract ValueTask<SessionToken> GetTokenAsync(SessionTokenContext context, CancellationToken cancellationToken);

    /// <summary>A credential backed by a callback (for example one that asks an identity provider).</summary>
    /// <param name="getToken">Called for every token the client needs.</param>
    public static SessionCredential FromCallback(Func<SessionTokenContext, CancellationToken, ValueTask<SessionToken>> getToken)
        => new CallbackCredential(getToken ?? throw new ArgumentNullException(nameof(getToken)));

    /// <inheritdoc/>
    public override string ToString() => GetType().Name; // never a token

    private sealed class CallbackCredential(Func<SessionTokenContext, CancellationToken, ValueTask<SessionToken>> getToken) : SessionCredential
    {
        public override ValueTask<SessionToken> GetTokenAsync(SessionTokenContext context, CancellationToken cancellationToken)
            => getToken(context, cancellationToken);

        public override string ToString() => nameof(SessionCredential) + ".FromCallback";
    }
}
