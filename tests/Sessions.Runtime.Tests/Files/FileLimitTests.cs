using System;
using System.IO;
using System.Threading.Tasks;
using Sessions.Engine;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Files;

/// <summary>An engine with small limits: each refusal is a typed error naming the file and the limit, before anything is posted.</summary>
public sealed class FileLimitTests : IAsyncLifetime
{
    private const long MaxFileBytes = 1024 * 1024;
    private const long MaxMessageBytes = 3 * 1024 * 1024 / 2;

    private LocalEngine _engine = null!;

    public async Task InitializeAsync()
        => _engine = await LocalEngine.StartAsync(new LocalEngineOptions { MaxFileBytes = MaxFileBytes, MaxMessageBytes = MaxMessageBytes });

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_the_limit_is_refused_with_the_file_and_the_limit(bool lengthKnown)
    {
        // Known: one byte over, refused from Content-Length. Unknown: far over, so the engine cuts it off mid-body.
        var bytes = TestStreams.Pattern(lengthKnown ? (int)MaxFileBytes + 1 : 16 * (int)MaxFileBytes);
        using var client = Clients.For(_engine);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        Stream stream = lengthKnown ? new MemoryStream(bytes) : new UnseekableStream(new MemoryStream(bytes));

        var error = await Assert.ThrowsAsync<SessionFileException>(() => session.SendAsync(MessageFile.FromStream(stream, fileName: "huge.bin"), Within.Token()));

        Assert.Equal("file_too_large", error.Code);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal("huge.bin", error.FileName);
        Assert.Equal(MaxFileBytes, error.LimitBytes);
        Assert.Contains("huge.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains(MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
    }

    [Fact]
    public async Task Files_over_the_limit_per_message_are_refused_before_posting()
    {
        using var client = Clients.For(_engine);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var message = UserSessionMessage.FromText("two big ones") with
        {
            Files = new[]
            {
                MessageFile.FromBytes(TestStreams.Pattern((int)MaxFileBytes), fileName: "one.bin"),
                MessageFile.FromBytes(TestStreams.Pattern((int)MaxFileBytes), fileName: "two.bin"),
            },
        };

        var error = await Assert.ThrowsAsync<SessionFileException>(() => session.SendAsync(message, Within.Token()));

        Assert.Equal("message_too_large", error.Code);
        Assert.Null(error.FileName);
        Assert.Contains(MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("one.bin", error.Message, StringComparison.Ordinal);
        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
        Assert.Empty(_engine.GetStoredEvents(session.SessionId!));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        using var client = Clients.For(_engine);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        var error = await Assert.ThrowsAsync<SessionFileException>(() => session.SendAsync(MessageFile.FromBytes(Array.Empty<byte>(), fileName: "nothing.txt"), Within.Token()));

        Assert.Equal("empty_file", error.Code);
        Assert.Equal("nothing.txt", error.FileName);
        Assert.Contains("nothing.txt", error.Message, StringComparison.Ordinal);
        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
    }
}
