using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>The simple path: one fixed API key, sent as the bearer token for everything.</summary>
public sealed class ApiKeyCredential : SessionCredential
{
    private readonly SessionToken _token;

    /// <summary>Wraps a key.</summary>
    /// <param name="apiKey">The key; not empty.</param>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    public ApiKeyCredential(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _token = new SessionToken(apiKey);
    }

    /// <inheritdoc/>
    public override ValueTask<SessionToken> GetTokenAsync(SessionTokenContext context, CancellationToken cancellationToken) => new(_token);

    /// <inheritdoc/>
    public override string ToString() => nameof(ApiKeyCredential) + "(***)";
}
