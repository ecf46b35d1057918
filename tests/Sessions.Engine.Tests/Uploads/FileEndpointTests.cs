using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Sessions.Engine.Hosting;
using Sessions.Engine.Tests.Infrastructure;
using Sessions.Serialization;

namespace Sessions.Engine.Tests.Uploads;

/// <summary><c>POST</c> and <c>GET /v1/sessions/{id}/files</c>: stored as streamed, read back by id, refused with a typed error.</summary>
public sealed class FileEndpointTests
{
    [Fact]
    public async Task An_upload_is_stored_and_read_back_by_id()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var bytes = new byte[6 * 1000 * 1000];
        new Random(6).NextBytes(bytes);

        using var response = await Uploads.PostAsync(engine, created.Data.SessionId, "clip ü.mp4", Uploads.Bytes(bytes, "video/mp4"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await Uploads.StoredAsync(response);
        Assert.Equal(("clip ü.mp4", "video/mp4", (long)bytes.Length), (stored.Name, stored.MimeType, stored.Size));
        Assert.Equal("/v1/sessions/" + created.Data.SessionId + "/files/" + stored.FileId, response.Headers.Location?.OriginalString);

        using var http = TestEngine.Http(engine);
        using var download = await http.GetAsync(response.Headers.Location, Deadline.Token());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("video/mp4", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal("clip ü.mp4", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Without_a_content_type_the_file_is_octet_stream_and_without_a_name_it_is_refused()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        var untyped = await Uploads.StoreAsync(engine, created.Data.SessionId, "blob", [1, 2, 3], mimeType: "application/octet-stream");
        using var noType = await Uploads.PostAsync(engine, created.Data.SessionId, "blob2", Uploads.Bytes([1], mimeType: null));
        using var noName = await Uploads.PostAsync(engine, created.Data.SessionId, null, Uploads.Bytes([1]));
        var badType = Uploads.Bytes([1], mimeType: null);
        badType.Headers.TryAddWithoutValidation("Content-Type", "not a type");
        using var badTypeResponse = await Uploads.PostAsync(engine, created.Data.SessionId, "x", badType);

        Assert.Equal("application/octet-stream", untyped.MimeType);
        Assert.Equal("application/octet-stream", (await Uploads.StoredAsync(noType)).MimeType);
        Assert.Equal(ErrorCode.InvalidRequest, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(noName, HttpStatusCode.BadRequest)).Code));
        Assert.Equal(ErrorCode.InvalidRequest, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(badTypeResponse, HttpStatusCode.BadRequest)).Code));
    }

    [Fact]
    public async Task Uploads_need_the_key_that_owns_the_session_and_another_keys_session_looks_like_none()
    {
        await using var engine = await TestEngine.StartAsync(o => { o.ApiKeys.Add("owner"); o.ApiKeys.Add("other"); });
        var (client, created) = await TestClient.CreateSessionAsync(engine, "owner");
        await using var _ = client;
        var sessionId = created.Data.SessionId;

        using var noKey = await Uploads.PostAsync(engine, sessionId, "a.txt", Uploads.Bytes([1]), apiKey: "");
        using var otherKey = await Uploads.PostAsync(engine, sessionId, "a.txt", Uploads.Bytes([1]), apiKey: "other");
        using var noSession = await Uploads.PostAsync(engine, "000000000000000000000000", "a.txt", Uploads.Bytes([1]), apiKey: "owner");
        var stored = await Uploads.StoreAsync(engine, sessionId, "a.txt", [1]);
        using var otherHttp = TestEngine.Http(engine, "other");
        using var otherDownload = await otherHttp.GetAsync(Uploads.Address(sessionId) + "/" + stored.FileId, Deadline.Token());

        Assert.Equal(ErrorCode.Unauthorized, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(noKey, HttpStatusCode.Unauthorized)).Code));

        // As on the socket and the history: another key's session is answered exactly like an id that does not exist.
        Assert.Equal(ErrorCode.NotFound, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(otherKey, HttpStatusCode.NotFound)).Code));
        Assert.Equal(ErrorCode.NotFound, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(noSession, HttpStatusCode.NotFound)).Code));
        Assert.Equal(ErrorCode.NotFound, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(otherDownload, HttpStatusCode.NotFound)).Code));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_the_limit_gets_413_naming_it_and_the_limit_and_nothing_is_kept(bool lengthKnown)
    {
        await using var engine = await TestEngine.StartAsync(o => o.MaxFileBytes = 100_000);
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var bytes = new byte[100_001];
        HttpContent content = lengthKnown ? Uploads.Bytes(bytes) : new StreamContent(new LengthlessStream(bytes));

        using var response = await Uploads.PostAsync(engine, created.Data.SessionId, "big.bin", content);

        var error = await Uploads.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(ErrorCode.FileTooLarge, ErrorCodeJsonConverter.FromWireName(error.Code));
        Assert.Equal("big.bin", error.FileName);
        Assert.Equal(100_000, error.LimitBytes);
        Assert.Contains("100000", error.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(engine.FilesFolder));
    }

    [Fact]
    public async Task An_empty_file_gets_400()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        using var known = await Uploads.PostAsync(engine, created.Data.SessionId, "empty.txt", Uploads.Bytes([]));
        using var chunked = await Uploads.PostAsync(engine, created.Data.SessionId, "empty.txt", new StreamContent(new LengthlessStream([])));

        Assert.Equal(ErrorCode.EmptyFile, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(known, HttpStatusCode.BadRequest)).Code));
        Assert.Equal("empty.txt", (await Uploads.ErrorAsync(chunked, HttpStatusCode.BadRequest)).FileName);
        Assert.Empty(Directory.GetFiles(engine.FilesFolder));
    }

    [Fact]
    public async Task A_body_that_ends_before_its_length_stores_nothing()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;

        // Raw HTTP/1.1: 10 of the 1000 bytes promised, then the client stops sending. Kestrel takes the early end of
        // the body for a dead connection, so there may be no answer to read; what matters is that nothing is kept.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(engine.BaseAddress.Host, engine.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = "POST /v1/sessions/" + created.Data.SessionId + "/files?name=cut.bin HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + engine.ApiKey
            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(new byte[10]).ToArray(), Deadline.Token());
        tcp.Client.Shutdown(SocketShutdown.Send);
        string answer;
        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            answer = await reader.ReadToEndAsync(Deadline.Token());
        }
        catch (IOException)
        {
            answer = string.Empty;
        }

        Assert.DoesNotContain("201", answer, StringComparison.Ordinal);
        if (answer.Length > 0)
        {
            Assert.Contains("\"code\":\"" + ErrorCodeJsonConverter.ToWireName(ErrorCode.UploadIncomplete) + "\"", answer, StringComparison.Ordinal);
        }

        // The handler deletes the partial file as it unwinds, which may be just after the connection ended.
        var deadline = Deadline.Token();
        while (Directory.GetFiles(engine.FilesFolder).Length > 0)
        {
            await Task.Delay(10, deadline);
        }
    }

    [Fact]
    public async Task An_unknown_file_id_gets_404()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        using var http = TestEngine.Http(engine);

        using var response = await http.GetAsync(Uploads.Address(created.Data.SessionId) + "/file_000", Deadline.Token());

        Assert.Equal(ErrorCode.UnknownFile, ErrorCodeJsonConverter.FromWireName((await Uploads.ErrorAsync(response, HttpStatusCode.NotFound)).Code));
    }

    [Fact]
    public async Task Disposing_the_engine_deletes_its_files()
    {
        var engine = await TestEngine.StartAsync();
        var folder = engine.FilesFolder;
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await Uploads.StoreAsync(engine, created.Data.SessionId, "a.txt", [1, 2]);
        Assert.Single(Directory.GetFiles(folder));
        await client.DisposeAsync();

        await engine.DisposeAsync();

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Terminating_a_session_deletes_its_files_and_keeps_the_others()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var (other, otherCreated) = await TestClient.CreateSessionAsync(engine);
        await using var __ = other;
        await Uploads.StoreAsync(engine, created.Data.SessionId, "a.txt", [1, 2]);
        var kept = await Uploads.StoreAsync(engine, otherCreated.Data.SessionId, "b.txt", [3]);
        Assert.Equal(2, Directory.GetFiles(engine.FilesFolder).Length);

        await client.SendAsync(Frames.Terminate("t1"));
        var (status, _, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4001, (int?)status);
        Assert.Equal([Path.Combine(engine.FilesFolder, kept.FileId)], Directory.GetFiles(engine.FilesFolder));
    }

    [Fact]
    public void The_limits_come_from_configuration()
    {
        var options = StandaloneOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:MaxFileBytes"] = "1000", ["Engine:MaxMessageBytes"] = "2000" })
            .Build());

        Assert.Equal(1000, options.MaxFileBytes);
        Assert.Equal(2000, options.MaxMessageBytes);
        Assert.Equal(LocalEngineOptions.DefaultMaxFileBytes, new LocalEngineOptions().MaxFileBytes);
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked.</summary>
    private sealed class LengthlessStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
