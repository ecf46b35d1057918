using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Sessions;

/// <summary>
/// A file to send: from a path, bytes or a stream. Nothing is read until the message is sent; then the bytes are
/// uploaded to the engine in chunks (never whole in memory) and the message refers to the upload by id.
/// </summary>
public sealed class MessageFile
{
    private readonly Func<FileSource> _open;

    private MessageFile(string name, string? mimeType, Func<FileSource> open)
    {
        Name = name;
        MimeType = mimeType;
        _open = open;
    }

    /// <summary>The file name sent to the engine.</summary>
    public string Name { get; }

    /// <summary>The MIME type the caller gave; when null, <see cref="ContentType"/> is guessed from <see cref="Name"/>.</summary>
    public string? MimeType { get; }

    /// <summary>The MIME type sent: <see cref="MimeType"/>, else one guessed from the name's extension, else <c>application/octet-stream</c>.</summary>
    public string ContentType => MimeType ?? MimeTypes.FromName(Name);

    /// <summary>A file on disk, opened and read in chunks when the message is sent; the name defaults to the file's name.</summary>
    public static MessageFile FromPath(string path, string? mimeType = null, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new MessageFile(fileName ?? Path.GetFileName(path), mimeType, () =>
        {
            // bufferSize 1: no FileStream buffer; the upload reads in its own chunks.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return new FileSource(stream, stream.Length, OwnsStream: true);
        });
    }

    /// <summary>Bytes in memory. They are not copied: leave them unchanged until the send completes.</summary>
    public static MessageFile FromBytes(ReadOnlyMemory<byte> bytes, string? mimeType = null, string fileName = "upload.bin")
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var segment = MemoryMarshal.TryGetArray(bytes, out var array) ? array : new ArraySegment<byte>(bytes.ToArray());
        return new MessageFile(fileName, mimeType, () => new FileSource(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false), segment.Count, OwnsStream: true));
    }

    /// <summary>
    /// A stream, read from its current position to its end when the message is sent (not disposed). Its length is
    /// known up front when it can seek; otherwise the upload is chunked and progress has no total.
    /// </summary>
    public static MessageFile FromStream(Stream stream, string? mimeType = null, string fileName = "upload.bin")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return new MessageFile(fileName, mimeType, () => new FileSource(stream, stream.CanSeek ? stream.Length - stream.Position : null, OwnsStream: false));
    }

    /// <summary>Opens the bytes; a file that cannot be opened is a <see cref="SessionFileException"/> naming it.</summary>
    internal FileSource Open()
    {
        try
        {
            return _open();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw new SessionFileException($"Could not read \"{Name}\": {exception.Message} Nothing was posted.", Name, FileUploadClient.UnreadableCode, exception);
        }
    }
}

/// <summary>An opened file: the stream to read, its length when known, and whether the upload disposes it.</summary>
internal readonly record struct FileSource(Stream Stream, long? Length, bool OwnsStream);
