using System;
using System.IO;

namespace Sessions.Engine.Uploads;

/// <summary>
/// One file the engine holds for a session: uploaded ones live in the engine's temp folder (<see cref="Path"/>),
/// inline ones posted as base64 keep their decoded bytes (<see cref="Inline"/>, at most a frame's worth).
/// </summary>
internal sealed class StoredFileEntry
{
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    public required string Name { get; init; }

    public required string MimeType { get; init; }

    public required long Size { get; init; }

    /// <summary>Where the bytes are on disk, for an uploaded file.</summary>
    public string? Path { get; init; }

    /// <summary>The bytes, for a file that came inline in a frame.</summary>
    public ReadOnlyMemory<byte> Inline { get; init; }

    public StoredFile Describe() => new() { FileId = Id, Name = Name, MimeType = MimeType, Size = Size };

    /// <summary>Opens the bytes for reading (sequential, asynchronous).</summary>
    public Stream Open() => Path is { } path
        ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan)
        : System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Inline, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(Inline.ToArray(), writable: false);
}
