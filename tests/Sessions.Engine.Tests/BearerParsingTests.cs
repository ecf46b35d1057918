using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Engine.Hosting;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c> is parsed strictly (RFC 6750) and the token compared exactly.</summary>
public sealed class BearerParsingTests
{
    [Theory]
    [InlineData("Bearer right-key", "right-key")]
    [InlineData("bearer right-key", "right-key")]
    [InlineData("BEARER right-key", "right-key")]
    [InlineData("Bearer a.b_c~d+e/f", "a.b_c~d+e/f")]
    [InlineData("Bearer abc==", "abc==")]
    public void A_strict_bearer_credential_gives_its_token(string header, string token)
        => Assert.Equal(token, ApiKeyAuthenticator.TokenOf(header));

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer  right-key")]
    [InlineData("Bearer\tright-key")]
    [InlineData("Bearer \vright-key")]
    [InlineData("Bearer right-key\v")]
    [InlineData("Bearer \fright-key")]
    [InlineData("Bearer right-key\f")]
    [InlineData("Bearer right-key ")]
    [InlineData("Bearer right-key\u00a0")]
    [InlineData("Bearer\u00a0right-key")]
    [InlineData("Bearer right key")]
    [InlineData("Bearer right-key,other")]
    [InlineData("Bearer =abc")]
    [InlineData("Bearer ab=c")]
    [InlineData("Bearerright-key")]
    [InlineData("Basic right-key")]
    [InlineData(" Bearer right-key")]
    public void Anything_else_gives_no_token(string header)
        => Assert.Null(ApiKeyAuthenticator.TokenOf(header));

    [Theory]
    [InlineData("Bearer \vright-key\v", 401)]
    [InlineData("Bearer \fright-key\f", 401)]
    [InlineData("Bearer right-key\v", 401)]
    [InlineData("Bearer RIGHT-KEY", 401)]
    [InlineData("Bearer right-ke", 401)]
    [InlineData("Bearer right-keyy", 401)]
    [InlineData("bearer right-key", 404)]
    public async Task On_the_wire_whitespace_around_the_token_or_a_near_miss_is_refused(string authorization, int status)
    {
        await using var engine = await TestEngine.StartAsync(o => o.ApiKeys.Add("right-key"));

        // A raw request: HttpClient would refuse to send some of these headers at all.
        using var tcp = new TcpClient();
        using var deadline = new CancellationTokenSource(Deadline.Default);
        await tcp.ConnectAsync(engine.BaseAddress.Host, engine.BaseAddress.Port, deadline.Token);
        var stream = tcp.GetStream();
        var request = "GET " + engine.HistoryAddress("0123456789abcdef01234567").PathAndQuery + " HTTP/1.1\r\nHost: " + engine.BaseAddress.Authority
            + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request), deadline.Token);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, deadline.Token);
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];

        // 400 is Kestrel refusing the header outright, as good as 401 for an attacker.
        Assert.True(statusLine.Contains(" " + status + " ", StringComparison.Ordinal) || (status == 401 && statusLine.Contains(" 400 ", StringComparison.Ordinal)), statusLine);
    }
}
