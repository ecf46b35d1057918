using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Sessions;

/// <summary>
/// A message to send: text, or a file (a path, bytes or a stream) with a MIME type and name, plus
/// optional extra attachments and references. <c>SendManyAsync</c> posts several as one turn.
/// </summary>
/// <example>
/// <code>
/// UserSessionMessage.FromText("summarize") with { Files = new[] { MessageFile.FromPath("chart.png") } }
/// </code>
/// </example>
public sealed record UserSessionMessage
{
    private UserSessionMessage(string? text, MessageFile? file)
    {
        Text = text;
        File = file;
    }

    /// <summary>The text, for a text message.</summary>
    public string? Text { get; }

    /// <summary>The file, for a file message.</summary>
    public MessageFile? File { get; }

    /// <summary>More attachments sent with the message.</summary>
    public IReadOnlyList<MessageFile> Files { get; init; } = Array.Empty<MessageFile>();

    /// <summary>References to other objects, passed to the engine as they are.</summary>
    public IReadOnlyDictionary<string, JsonElement>? References { get; init; }

    /// <summary>A text message.</summary>
    public static UserSessionMessage FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>A message whose content is a file.</summary>
    public static UserSessionMessage FromFile(MessageFile file) => new(null, file ?? throw new ArgumentNullException(nameof(file)));

    /// <summary>A text message.</summary>
    public static implicit operator UserSessionMessage(string text) => FromText(text);
}

/// <summary>A file to send: from a path, bytes or a stream; read when the message is sent.</summary>
public sealed class MessageFile
{
    private readonly Func<System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<byte[]>> _read;

    private MessageFile(string name, string? mimeType, Func<System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<byte[]>> read)
    {
        Name = name;
        MimeType = mimeType;
        _read = read;
    }

    /// <summary>The file name sent to the engine.</summary>
    public string Name { get; }

    /// <summary>The MIME type; when null, <c>application/octet-stream</c> is sent.</summary>
    public string? MimeType { get; }

    /// <summary>A file on disk; the name defaults to the file's name.</summary>
    public static MessageFile FromPath(string path, string? mimeType = null, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new MessageFile(fileName ?? Path.GetFileName(path), mimeType, async ct => await System.IO.File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
    }

    /// <summary>Bytes in memory.</summary>
    public static MessageFile FromBytes(ReadOnlyMemory<byte> bytes, string? mimeType = null, string fileName = "upload.bin")
    {
        var copy = bytes.ToArray();
        return new MessageFile(fileName, mimeType, _ => new System.Threading.Tasks.ValueTask<byte[]>(copy));
    }

    /// <summary>A stream, read to its end when the message is sent (not disposed).</summary>
    public static MessageFile FromStream(Stream stream, string? mimeType = null, string fileName = "upload.bin")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new MessageFile(fileName, mimeType, async ct =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
            return buffer.ToArray();
        });
    }

    internal async System.Threading.Tasks.ValueTask<FilePart> ToFilePartAsync(System.Threading.CancellationToken cancellationToken) => new()
    {
        Name = Name,
        MimeType = MimeType ?? "application/octet-stream",
        DataBase64 = Convert.ToBase64String(await _read(cancellationToken).ConfigureAwait(false)),
    };
}
