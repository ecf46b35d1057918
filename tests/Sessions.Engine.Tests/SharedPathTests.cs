using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Sessions.Engine.Tests.Infrastructure;
using Sessions.Protocol;

namespace Sessions.Engine.Tests;

/// <summary>
/// The engine serves its HTTP endpoints at the addresses of <see cref="ProtocolFacts"/>, the source file the client
/// builds its addresses from: if either side moves a path, these fail.
/// </summary>
public sealed class SharedPathTests
{
    [Fact]
    public async Task A_file_uploaded_and_read_at_the_shared_paths_round_trips_and_its_location_is_the_shared_file_path()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        var sessionId = created.Data.SessionId;
        using var http = TestEngine.Http(engine);

        using var upload = await http.PostAsync(new Uri(engine.BaseAddress, ProtocolFacts.UploadPath(sessionId, "notes ü.txt")), new ByteArrayContent([1, 2, 3]), Deadline.Token());
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var stored = await Uploads.Uploads.StoredAsync(upload);
        Assert.Equal("notes ü.txt", stored.Name);
        Assert.Equal("/" + ProtocolFacts.FilePath(sessionId, stored.FileId), upload.Headers.Location?.OriginalString);

        using var download = await http.GetAsync(new Uri(engine.BaseAddress, ProtocolFacts.FilePath(sessionId, stored.FileId)), Deadline.Token());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(new byte[] { 1, 2, 3 }, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_history_is_served_at_the_shared_path_and_reads_the_shared_after_seq_parameter()
    {
        await using var engine = await TestEngine.StartAsync();
        var (client, created) = await TestClient.CreateSessionAsync(engine);
        await using var _ = client;
        using var http = TestEngine.Http(engine);

        using var all = await http.GetAsync(new Uri(engine.BaseAddress, ProtocolFacts.HistoryPath(created.Data.SessionId)), Deadline.Token());
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);

        // A bad value is refused by name: the engine reads the parameter the client writes.
        using var bad = await http.GetAsync(new Uri(engine.BaseAddress, ProtocolFacts.HistoryPathTemplate.Replace("{sessionId}", created.Data.SessionId, StringComparison.Ordinal) + "?" + ProtocolFacts.AfterSeqParameter + "=x"), Deadline.Token());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(ProtocolFacts.AfterSeqParameter, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_endpoint_of_a_session_answers_a_missing_key_and_an_unknown_session_alike()
    {
        await using var engine = await TestEngine.StartAsync();
        const string unknown = "0123456789abcdef01234567";
        using var anonymous = TestEngine.Http(engine, apiKey: "");
        using var keyed = TestEngine.Http(engine);
        string[] paths = [ProtocolFacts.HistoryPath(unknown), ProtocolFacts.FilePath(unknown, "file_x")];

        foreach (var path in paths)
        {
            using var noKey = await anonymous.GetAsync(new Uri(engine.BaseAddress, path), Deadline.Token());
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
            Assert.Equal("Bearer", Assert.Single(noKey.Headers.WwwAuthenticate).Scheme);
            Assert.Equal("{\"error\":\"Missing or invalid API key: send Authorization: Bearer <key>.\",\"code\":\"unauthorized\"}", await noKey.Content.ReadAsStringAsync());

            using var noSession = await keyed.GetAsync(new Uri(engine.BaseAddress, path), Deadline.Token());
            Assert.Equal(HttpStatusCode.NotFound, noSession.StatusCode);
            Assert.Equal("{\"error\":\"No session with the id \\\"" + unknown + "\\\" exists for this API key.\",\"code\":\"not_found\"}", await noSession.Content.ReadAsStringAsync());
        }
    }
}
