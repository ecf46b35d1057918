using System;
using System.Collections.Generic;
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

    /// <summary>A file message, as <see cref="FromFile"/> makes it.</summary>
    /// <param name="file">The file.</param>
    public static implicit operator UserSessionMessage(MessageFile file) => FromFile(file);
}
