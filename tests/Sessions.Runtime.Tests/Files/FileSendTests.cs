using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Sessions.Runtime.Tests.Infrastructure;
using Xunit;

namespace Sessions.Runtime.Tests.Files;

/// <summary>Files sent through a session: uploaded in chunks, posted by id, visible in the history, readable by id.</summary>
public sealed class FileSendTests : IClassFixture<EngineFixture>
{
    /// <summary>Larger than the 4 MiB frame limit that once capped a file sent inline.</summary>
    private const int LargeFileBytes = 6 * 1000 * 1000;

    private readonly EngineFixture _engine;

    public FileSendTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public async Task A_file_over_the_old_frame_limit_is_sent_and_reads_back_equal()
    {
        var bytes = TestStreams.Pattern(LargeFileBytes);
        using var file = TestStreams.File(bytes, "recording #1 ü.wav");
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var listening = session.ListenAsync(maxQueue: 0);

        await session.SendAsync(MessageFile.FromPath(file.Path), Within.Token());
        var turn = await Turns.UntilCompleteAsync(listening);

        Assert.Contains(turn, e => e is MessagePostedEvent);
        var user = Assert.Single(await session.GetMessagesAsync(Within.Token()), m => m.Sender.Role == SessionMessageRole.User);
        Assert.Equal("file", user.ContentType);
        var stored = Assert.Single(user.Files!);
        Assert.Equal("recording #1 ü.wav", stored.Name);
        Assert.Equal("audio/wav", stored.MimeType);
        Assert.Equal(LargeFileBytes, stored.Size);
        Assert.StartsWith("file_", stored.FileId, StringComparison.Ordinal);

        await using var readBack = await session.OpenFileAsync(stored.FileId, Within.Token());
        using var copy = new MemoryStream();
        await readBack.CopyToAsync(copy, Within.Token());
        Assert.True(bytes.AsSpan().SequenceEqual(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
    }

    [Fact]
    public async Task Reading_a_file_the_session_does_not_hold_is_a_session_file_exception()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        var error = await Assert.ThrowsAsync<SessionFileException>(() => session.OpenFileAsync("file_nothing", Within.Token()));

        Assert.Equal("unknown_file", error.Code);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("file_nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_reported_in_order_and_ends_at_the_size()
    {
        var bytes = TestStreams.Pattern(LargeFileBytes);
        var progress = new RecordingProgress();
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        await session.SendAsync(MessageFile.FromBytes(bytes, "application/pdf", "big.pdf"), progress, Within.Token());

        var reports = progress.Reports;
        Assert.True(reports.Count > 1, "a 6 MB file is sent in more than one chunk");
        Assert.All(reports, r => Assert.Equal("big.pdf", r.FileName));
        Assert.All(reports, r => Assert.Equal(LargeFileBytes, r.TotalBytes));
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.BytesSent > pair.First.BytesSent));
        Assert.Equal(LargeFileBytes, reports[^1].BytesSent);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_is_sent_chunked_and_progress_has_no_total()
    {
        var bytes = TestStreams.Pattern(LargeFileBytes);
        var progress = new RecordingProgress();
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        await session.SendAsync(MessageFile.FromStream(new UnseekableStream(new MemoryStream(bytes)), fileName: "notes.csv"), progress, Within.Token());

        Assert.All(progress.Reports, r => Assert.Null(r.TotalBytes));
        Assert.Equal(LargeFileBytes, progress.Reports[^1].BytesSent);
        var stored = Assert.Single((await session.GetMessagesAsync(Within.Token())).First(m => m.Sender.Role == SessionMessageRole.User).Files!);
        Assert.Equal(LargeFileBytes, stored.Size);
        Assert.Equal("text/csv", stored.MimeType);
    }

    [Fact]
    public async Task Cancelling_mid_upload_stops_it_and_posts_nothing()
    {
        var bytes = TestStreams.Pattern(LargeFileBytes);
        using var cancel = new CancellationTokenSource(Within.Limit);
        var progress = new RecordingProgress(report =>
        {
            if (report.BytesSent >= 1024 * 1024)
            {
                cancel.Cancel();
            }
        });
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SendAsync(MessageFile.FromBytes(bytes, fileName: "big.bin"), progress, cancel.Token));

        Assert.True(progress.Reports[^1].BytesSent < LargeFileBytes);
        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
        Assert.Empty(_engine.Engine.GetStoredEvents(session.SessionId!));
        Assert.True(session.IsConnected);
        await session.SendAsync("still here", Within.Token());
        Assert.Single(await session.GetMessagesAsync(Within.Token()), m => m.Sender.Role == SessionMessageRole.User);
    }

    [Fact]
    public async Task A_connection_dropped_mid_upload_is_a_session_exception_and_posts_nothing()
    {
        var bytes = TestStreams.Pattern(LargeFileBytes);
        await using var proxy = new CuttingProxy(_engine.Engine.BaseAddress, cutAfterBytes: 1024 * 1024);
        using var client = Clients.For(_engine.Engine, options => options.BaseAddress = proxy.Address);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        var error = await Assert.ThrowsAsync<SessionFileException>(() => session.SendAsync(MessageFile.FromBytes(bytes, fileName: "big.bin"), Within.Token()));

        Assert.Equal("upload_failed", error.Code);
        Assert.Equal("big.bin", error.FileName);
        Assert.Contains("big.bin", error.Message, StringComparison.Ordinal);
        Assert.True(proxy.Cuts > 0);
        using var direct = _engine.Client();
        Assert.Empty(await direct.GetSession(session.SessionId!).GetMessagesAsync(Within.Token()));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_session_file_exception_naming_it()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var missing = Path.Combine(Path.GetTempPath(), "sessions-no-such-file-" + Guid.NewGuid().ToString("N") + ".pdf");

        var notThere = await Assert.ThrowsAsync<SessionFileException>(() => session.SendAsync(MessageFile.FromPath(missing), Within.Token()));
        var failing = new FailingStream(new MemoryStream(TestStreams.Pattern(LargeFileBytes)), failAfter: 1024 * 1024);
        var brokenDisk = await Assert.ThrowsAsync<SessionFileException>(() => session.SendAsync(MessageFile.FromStream(failing, fileName: "half.bin"), Within.Token()));

        Assert.Equal("file_unreadable", notThere.Code);
        Assert.Contains(Path.GetFileName(missing), notThere.Message, StringComparison.Ordinal);
        Assert.Equal("file_unreadable", brokenDisk.Code);
        Assert.Equal("half.bin", brokenDisk.FileName);
        Assert.Empty(await session.GetMessagesAsync(Within.Token()));
    }

    [Fact]
    public async Task Attachments_of_several_messages_are_all_uploaded_and_listed_in_the_history()
    {
        using var client = _engine.Client();
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());
        var progress = new RecordingProgress();

        await session.SendManyAsync(
            new[]
            {
                UserSessionMessage.FromText("two attachments") with { Files = new[] { MessageFile.FromBytes(new byte[] { 1, 2, 3 }, fileName: "a.png"), MessageFile.FromBytes(new byte[] { 4, 5 }, "text/x-custom", "b.txt") } },
                UserSessionMessage.FromFile(MessageFile.FromBytes(new byte[] { 6 }, fileName: "c.unknownext")),
            },
            progress,
            Within.Token());

        var users = (await session.GetMessagesAsync(Within.Token())).Where(m => m.Sender.Role == SessionMessageRole.User).ToList();
        Assert.Equal(2, users.Count);
        Assert.Equal(new[] { ("a.png", "image/png", 3L), ("b.txt", "text/x-custom", 2L) }, users[0].Files!.Select(f => (f.Name, f.MimeType, f.Size)));
        Assert.Equal(("c.unknownext", "application/octet-stream", 1L), users[1].Files!.Select(f => (f.Name, f.MimeType, f.Size)).Single());
        Assert.Equal(new[] { "a.png", "b.txt", "c.unknownext" }, progress.Reports.Select(r => r.FileName));
    }

    [Theory]
    [InlineData(SessionClientOptions.DefaultInlineFileMaxBytes)]
    [InlineData(0)]
    public async Task A_small_file_inline_or_uploaded_gets_an_id_and_reads_back(int inlineMaxBytes)
    {
        var bytes = TestStreams.Pattern(1000);
        var progress = new RecordingProgress();
        using var client = _engine.Client(options => options.InlineFileMaxBytes = inlineMaxBytes);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        await session.SendAsync(MessageFile.FromBytes(bytes, fileName: "small.json"), progress, Within.Token());

        Assert.Equal(new FileUploadProgress("small.json", 1000, 1000), progress.Reports[^1]);
        var stored = Assert.Single((await session.GetMessagesAsync(Within.Token())).First(m => m.Sender.Role == SessionMessageRole.User).Files!);
        Assert.Equal(("small.json", "application/json", 1000L), (stored.Name, stored.MimeType, stored.Size));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _engine.Engine.ApiKey);
        var readBack = await http.GetByteArrayAsync(new Uri(_engine.Engine.BaseAddress, global::Sessions.Protocol.ProtocolFacts.FilePath(session.SessionId!, stored.FileId)), Within.Token());
        Assert.Equal(bytes, readBack);
    }

    [Fact]
    public async Task Many_small_files_past_the_inline_budget_of_a_frame_are_uploaded_and_the_post_goes_through()
    {
        // 60 x 64 KiB inline would be a 5.2 MB frame, over the 4 MiB limit; past 1 MiB inline the rest are uploaded.
        var files = Enumerable.Range(0, 60).Select(i => MessageFile.FromBytes(TestStreams.Pattern(64 * 1024), fileName: "part" + i + ".bin")).ToArray();
        using var client = _engine.Client(options => options.InlineFileMaxBytes = 1024 * 1024);
        await using var session = await client.Agent("agent-1").CreateSessionAsync(Within.Token());

        await session.SendAsync(UserSessionMessage.FromText("sixty parts") with { Files = files }, Within.Token());

        var user = (await session.GetMessagesAsync(Within.Token())).First(m => m.Sender.Role == SessionMessageRole.User);
        Assert.Equal(60, user.Files!.Count);
        Assert.All(user.Files, f => Assert.Equal(64 * 1024, f.Size));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024 * 1024 + 1)]
    public void An_inline_limit_outside_0_to_1_MiB_is_refused(int inlineMaxBytes)
        => Assert.Throws<ArgumentOutOfRangeException>(() => _engine.Client(options => options.InlineFileMaxBytes = inlineMaxBytes));
}
