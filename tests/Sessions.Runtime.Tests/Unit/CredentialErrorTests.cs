using System;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Credentials;
using Xunit;

namespace Sessions.Runtime.Tests.Unit;

/// <summary>
/// A credential that fails becomes a <see cref="SessionAuthenticationException"/> that names its type only: the
/// credential's own exception may quote a token, and an inner exception reaches logs and spans through ToString.
/// </summary>
public sealed class CredentialErrorTests
{
    private const string Secret = "tok-SECRET-7c1e04";

    [Fact]
    public async Task A_failing_credentials_exception_is_named_by_type_and_not_chained()
    {
        var credential = SessionCredential.FromCallback((_, _) => throw new InvalidOperationException("the token service rejected refresh token " + Secret));
        var authorization = new EngineAuthorization(credential);

        var error = await Assert.ThrowsAsync<SessionAuthenticationException>(
            () => authorization.HeaderAsync(SessionTokenPurpose.History, "s1", CancellationToken.None));

        Assert.Contains(nameof(InvalidOperationException), error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }
}
