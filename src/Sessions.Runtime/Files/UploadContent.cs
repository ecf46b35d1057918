using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions;

/// <summary>
/// A request body read from the caller's stream one pooled chunk at a time, reporting progress after each chunk.
/// <c>StreamContent</c> streams too, but reports nothing and cannot tell a failure to read the caller's stream
/// (<see cref="SourceFailure"/>: the file is unreadable) from a failure to write to the connection (the upload dropped).
/// </summary>
internal sealed class UploadContent : HttpContent
{
    /// <summary>64 KiB: large enough that a chunk costs little per byte, small enough to stay off the large object heap.</summary>
    internal const int ChunkBytes = 64 * 1024;

    private readonly FileSource _source;
    private readonly string _fileName;
    private readonly IProgress<FileUploadProgress>? _progress;
    private readonly long _start;
    private long _reported; // the most bytes reported over every try: progress never goes back

    public UploadContent(FileSource source, string fileName, IProgress<FileUploadProgress>? progress)
    {
        _source = source;
        _fileName = fileName;
        _progress = progress;
        _start = source.Stream.CanSeek ? source.Stream.Position : 0;
    }

    /// <summary>Bytes written to the connection so far, by this try.</summary>
    public long BytesSent { get; private set; }

    /// <summary>The exception the caller's stream threw, when reading it failed.</summary>
    public Exception? SourceFailure { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = _source.Stream;
        if (BytesSent > 0)
        {
            // The handler retries a request whose connection closed before it was answered: start again, if we can.
            if (!source.CanSeek)
            {
                // Recorded as the source's failure: the caller sees a SessionFileException saying the file could not be read again.
                var cannotSeek = new NotSupportedException("The upload had to be retried, but the file's stream cannot seek back.");
                SourceFailure = cannotSeek;
                throw cannotSeek;
            }

            source.Position = _start;
            BytesSent = 0;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    SourceFailure = exception;
                    throw;
                }

                if (read == 0)
                {
                    break;
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                BytesSent += read;
                if (BytesSent > _reported)
                {
                    _reported = BytesSent;
                    _progress?.Report(new FileUploadProgress(_fileName, BytesSent, _source.Length));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _source.Length ?? 0;
        return _source.Length is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _source.OwnsStream)
        {
            _source.Stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
