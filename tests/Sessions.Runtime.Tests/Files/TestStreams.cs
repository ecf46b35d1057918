using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Sessions.Runtime.Tests.Files;

/// <summary>Streams and files the upload tests send.</summary>
internal static class TestStreams
{
    /// <summary>Bytes that differ from position to position, so a reordered or shifted copy is caught.</summary>
    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        var random = new Random(length);
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A temp file holding the bytes; deleted when the returned handle is disposed.</summary>
    public static TempFile File(byte[] bytes, string name)
    {
        var folder = Directory.CreateTempSubdirectory("sessions-upload-test-").FullName;
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return new TempFile(path, folder);
    }

    internal sealed record TempFile(string Path, string Folder) : IDisposable
    {
        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>A stream that cannot seek, so its length is unknown to the upload (chunked transfer).</summary>
internal sealed class UnseekableStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stream whose reads fail after a number of bytes, as a file on a disk that goes away would.</summary>
internal sealed class FailingStream(Stream inner, long failAfter) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (inner.Position >= failAfter)
        {
            throw new IOException("The disk went away (test).");
        }

        return await inner.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Records every report synchronously, in the order made (<c>Progress&lt;T&gt;</c> would post them to the thread pool).</summary>
internal sealed class RecordingProgress(Action<FileUploadProgress>? onReport = null) : IProgress<FileUploadProgress>
{
    private readonly List<FileUploadProgress> reports = [];

    public IReadOnlyList<FileUploadProgress> Reports
    {
        get
        {
            lock (reports)
            {
                return reports.ToArray();
            }
        }
    }

    public void Report(FileUploadProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
