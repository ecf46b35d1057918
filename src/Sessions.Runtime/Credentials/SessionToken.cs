using System;

namespace Sessions;

/// <summary>A bearer token and, when known, when it expires. Its <see cref="ToString"/> never shows the token.</summary>
public readonly struct SessionToken : IEquatable<SessionToken>
{
    /// <summary>A token.</summary>
    /// <param name="token">The token text, sent as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
    /// <param name="expiresOn">When it stops being valid, if known (for the credential's own caching).</param>
    public SessionToken(string token, DateTimeOffset? expiresOn = null)
    {
        Token = token;
        ExpiresOn = expiresOn;
    }

    /// <summary>The token text.</summary>
    public string Token { get; }

    /// <summary>When the token expires, if known.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <inheritdoc/>
    public bool Equals(SessionToken other) => string.Equals(Token, other.Token, StringComparison.Ordinal) && ExpiresOn == other.ExpiresOn;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SessionToken other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Token, ExpiresOn);

    /// <summary>Redacted: shows the expiry only.</summary>
    public override string ToString() => "SessionToken(***" + (ExpiresOn is { } expires ? ", expires " + expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ")";

    /// <summary>Equality.</summary>
    public static bool operator ==(SessionToken left, SessionToken right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SessionToken left, SessionToken right) => !left.Equals(right);
}
