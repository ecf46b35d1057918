using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>
/// The body of a file download, as <c>OpenFileAsync</c> returns it: reads that fail (the connection reset or cut in the
/// middle of the file) are a <see cref="SessionFileException"/> naming the file, like every other failure of the call.
/// Hand-written because no stream in the BCL maps its inner stream's exceptions.
/// </summary>
internal sealed class DownloadStream : Stream
{
    private readonly Stream _inner;
    private readonly string _fileId;
    private readonly string _where;
    private readonly IDisposable _client;

    public DownloadStream(Stream inner, string fileId, string where, IDisposable client)
    {
        _inner = inner;
        _fileId = fileId;
        _where = where;
        _client = client;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A download cannot tell its length; read it to the end.");

    public override long Position
    {
        get => throw new NotSupportedException("A download cannot seek.");
        set => throw new NotSupportedException("A download cannot seek.");
    }

    /// <summary>The exception a caller sees when the download failed.</summary>
    public static SessionFileException Failed(string fileId, string where, Exception exception)
        => new($"Could not read file {fileId} at GET {where}: {exception.Message}", fileId, FileUploadClient.FailedCode, exception) { Method = "GET", Endpoint = where };

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _inner.Read(buffer);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ObjectDisposedException))
        {
            throw Failed(_fileId, _where, exception);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ObjectDisposedException))
        {
            throw Failed(_fileId, _where, exception);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A download cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A download cannot be written.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A download cannot be written.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _client.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
