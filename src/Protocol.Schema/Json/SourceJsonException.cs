using System.Text.Json;

namespace Sessions.Protocol.Schema.Json;

/// <summary>A syntax error found after the reader accepted the token, located by its UTF-8 byte offset.</summary>
internal sealed class SourceJsonException : JsonException
{
    public SourceJsonException(string message, int byteOffset)
        : base(message)
    {
        ByteOffset = byteOffset;
    }

    public SourceJsonException()
    {
    }

    public SourceJsonException(string message)
        : base(message)
    {
    }

    public SourceJsonException(string message, System.Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the bad token starts, in UTF-8 bytes.</summary>
    public int ByteOffset { get; }
}
