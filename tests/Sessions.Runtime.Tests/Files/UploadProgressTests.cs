using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Sessions.Runtime.Tests.Files;

/// <summary>
/// Upload progress never goes back: when the HTTP handler sends a request body again (its connection closed before the
/// answer), the second try is reported only from where the first got.
/// </summary>
public sealed class UploadProgressTests
{
    /// <summary>Records synchronously (<see cref="Progress{T}"/> posts to a context, which a test cannot order).</summary>
    private sealed class Recorder : IProgress<FileUploadProgress>
    {
        public List<long> Sent { get; } = [];

        public void Report(FileUploadProgress value) => Sent.Add(value.BytesSent);
    }

    [Fact]
    public async Task A_body_sent_twice_reports_a_count_that_never_decreases_and_ends_at_the_size()
    {
        const int Size = (UploadContent.ChunkBytes * 2) + 10;
        var recorder = new Recorder();
        using var content = new UploadContent(new FileSource(new MemoryStream(new byte[Size]), Size, OwnsStream: true), "f.bin", recorder);

        await content.CopyToAsync(Stream.Null); // the first try
        await content.CopyToAsync(Stream.Null); // the handler's retry

        Assert.Equal([UploadContent.ChunkBytes, UploadContent.ChunkBytes * 2, Size], recorder.Sent);
        Assert.Equal(Size, content.BytesSent);
    }
}
