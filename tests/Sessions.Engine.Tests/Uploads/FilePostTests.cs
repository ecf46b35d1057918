using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;

namespace Sessions.Engine.Tests.Uploads;

/// <summary>Posts that refer to files: resolved against the session's files and limits before anything is stored.</summary>
public sealed class FilePostTests
{
    [Fact]
    public async Task A_post_by_file_id_is_stored_and_the_history_lists_the_file()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var report = await Uploads.StoreAsync(engine, created.Data.SessionId, "report.pdf", [1, 2, 3, 4], "application/pdf");
        var chart = await Uploads.StoreAsync(engine, created.Data.SessionId, "chart.png", [5, 6], "image/png");

        await client.SendAsync(Uploads.PostFile("p1", report, Uploads.Part(chart)));
        var posted = await client.NextAsync<MessagePostedEvent>();

        Assert.Equal("p1", posted.RequestId);
        var message = Assert.Single((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages, m => m.Sender.Role == SessionMessageRole.User);
        Assert.Equal("file", message.ContentType);
        Assert.Equal(new[] { report, chart }, message.Files);
    }

    [Fact]
    public async Task An_inline_file_gets_an_id_too_and_reads_back_decoded()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        await client.SendAsync("{\"type\":\"post_message\",\"request_id\":\"p1\",\"data\":{\"message\":{\"content_type\":\"file\",\"file\":{\"name\":\"a.txt\",\"mime_type\":\"text/plain\",\"data_base64\":\"aGVsbG8=\"}}}}");
        await client.NextAsync<MessagePostedEvent>();

        var file = Assert.Single(Assert.Single((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages, m => m.Sender.Role == SessionMessageRole.User).Files!);
        Assert.Equal(("a.txt", "text/plain", 5L), (file.Name, file.MimeType, file.Size));
        using var http = TestEngine.Http(engine);
        Assert.Equal("hello", await http.GetStringAsync(Uploads.Address(created.Data.SessionId) + "/" + file.FileId, Deadline.Token()));
    }

    [Fact]
    public async Task A_file_id_of_no_file_or_of_another_session_is_refused_and_nothing_is_posted()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        var (other, otherCreated) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        await using var __ = other;
        var foreign = await Uploads.StoreAsync(engine, otherCreated.Data.SessionId, "theirs.txt", [1]);
        var missing = foreign with { FileId = "file_nothing" };

        foreach (var (file, requestId) in new[] { (foreign, "f1"), (missing, "f2") })
        {
            await client.SendAsync(Uploads.PostFile(requestId, file));
            var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
            Assert.Equal(ErrorCode.UnknownFile, error.Data.ErrorCode);
            Assert.Equal(requestId, error.RequestId);
            Assert.Contains(file.FileId, error.Data.Error, StringComparison.Ordinal);
        }

        Assert.Empty((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages);
        Assert.Empty(engine.GetStoredEvents(created.Data.SessionId));
    }

    [Fact]
    public async Task A_part_with_both_inline_bytes_and_an_id_or_neither_is_invalid()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var stored = await Uploads.StoreAsync(engine, created.Data.SessionId, "a.txt", [1]);

        await client.SendAsync(Uploads.PostFile("both", stored).Replace("\"file_id\"", "\"data_base64\":\"AQ==\",\"file_id\"", StringComparison.Ordinal));
        var both = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        await client.SendAsync("{\"type\":\"post_message\",\"request_id\":\"neither\",\"data\":{\"message\":{\"content_type\":\"file\",\"file\":{\"name\":\"a.txt\",\"mime_type\":\"text/plain\"}}}}");
        var neither = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());

        Assert.Equal(ErrorCode.InvalidFrame, both.Data.ErrorCode);
        Assert.Equal(ErrorCode.InvalidFrame, neither.Data.ErrorCode);
        Assert.Contains("exactly one of", neither.Data.Error, StringComparison.Ordinal);
        Assert.Empty((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages);
    }

    [Fact]
    public async Task Files_over_the_limit_per_message_are_refused_naming_them_and_the_limit()
    {
        await using var engine = await TestEngine.StartAsync(o => o.MaxMessageBytes = 100);
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var one = await Uploads.StoreAsync(engine, created.Data.SessionId, "one.bin", new byte[60]);
        var two = await Uploads.StoreAsync(engine, created.Data.SessionId, "two.bin", new byte[60]);

        await client.SendAsync(Uploads.PostFile("big", one, Uploads.Part(two)));
        var error = Assert.IsType<ErrorEvent>(await client.ReceiveAsync());
        await client.SendAsync(Uploads.PostFile("fits", one));
        await client.NextAsync<MessagePostedEvent>();

        Assert.Equal(ErrorCode.MessageTooLarge, error.Data.ErrorCode);
        Assert.Contains("\"one.bin\", \"two.bin\"", error.Data.Error, StringComparison.Ordinal);
        Assert.Contains("120 bytes", error.Data.Error, StringComparison.Ordinal);
        Assert.Contains("100 bytes per message", error.Data.Error, StringComparison.Ordinal);
        Assert.Equal(one, Assert.Single(Assert.Single((await TestEngine.HistoryAsync(engine, created.Data.SessionId)).Messages, m => m.Sender.Role == SessionMessageRole.User).Files!));
    }
}
