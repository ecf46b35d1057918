using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Hosting.Tests.Infrastructure;
using Xunit;

namespace Sessions.Hosting.Tests.Credentials;

/// <summary>File uploads and downloads take their token from the credential too, as the socket and the history do.</summary>
public sealed class FileCredentialTests : IAsyncLifetime
{
    private const string Good = "tok-FILES-GOOD-51d0";
    private const string Expired = "tok-FILES-EXPIRED-a9e3";
    private LocalEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalEngineOptions();
        options.ApiKeys.Add(Good);
        _engine = await LocalEngine.StartAsync(options);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task An_upload_and_a_download_ask_the_credential_and_a_401_on_the_download_is_retried_with_a_fresh_token()
    {
        // Files get a stale token unless the refresh is forced; everything else gets the good one.
        var credential = new RecordingCredential((context, _) => context.Purpose == SessionTokenPurpose.Files && !context.ForceRefresh && context.SessionId is not null && Downloading ? Expired : Good);
        using var client = Client(credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();

        await session.SendAsync(MessageFile.FromBytes(bytes, "application/octet-stream", "data.bin"), Within.Token());
        var upload = Assert.Single(credential.Requests, r => r.Purpose == SessionTokenPurpose.Files);
        Assert.Equal(session.SessionId, upload.SessionId);
        Assert.False(upload.ForceRefresh);

        var fileId = (await session.GetMessagesAsync(Within.Token())).SelectMany(m => m.Files ?? []).Single().FileId;
        Downloading = true;
        await using var stream = await session.OpenFileAsync(fileId, Within.Token());
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Within.Token());

        Assert.Equal(bytes, copy.ToArray());
        Assert.Contains(credential.Requests, r => r.Purpose == SessionTokenPurpose.Files && r.ForceRefresh);
    }

    [Fact]
    public async Task An_upload_with_a_refused_token_fails_with_an_authentication_error_that_does_not_show_the_token()
    {
        var credential = new RecordingCredential((context, _) => context.Purpose == SessionTokenPurpose.Files ? Expired : Good);
        using var client = Client(credential);
        await using var session = await client.Agent("agent").CreateSessionAsync(Within.Token());

        var error = await Assert.ThrowsAsync<SessionAuthenticationException>(() => session.SendAsync(MessageFile.FromBytes(new byte[4096], "application/octet-stream", "data.bin"), Within.Token()));

        Assert.DoesNotContain(Expired, error.ToString(), StringComparison.Ordinal);
        Assert.True(session.IsConnected, "a refused upload posts nothing and leaves the session as it was");
    }

    private bool Downloading { get; set; }

    private SessionClient Client(SessionCredential credential) => new(new SessionClientOptions
    {
        BaseAddress = _engine.BaseAddress,
        Credential = credential,
        InlineFileMaxBytes = 0, // every file goes through the upload endpoint
        ConnectTimeout = TimeSpan.FromSeconds(10),
    });
}
