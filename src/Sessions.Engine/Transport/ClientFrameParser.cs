using System;
using System.Text.Json;
using Sessions.Serialization;

namespace Sessions.Engine.Transport;

/// <summary>
/// Turns a text frame into a <see cref="ClientFrame"/> with the generated converter, or into a rejection that says what
/// was wrong. The converter's own message is the detail; the slow classification runs only for bad frames.
/// </summary>
internal static class ClientFrameParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    public static ClientFrame? Parse(ReadOnlySpan<byte> utf8, out FrameRejection rejection)
    {
        rejection = default;
        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            rejection = new FrameRejection(ErrorCode.InvalidJson, "The frame is empty; send one JSON object.", null);
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            reader.Read();
            var frame = ClientFrameJsonConverter.ReadValue(ref reader);
            if (HasTrailingContent(ref reader))
            {
                rejection = new FrameRejection(ErrorCode.InvalidJson, "The frame holds more than one JSON value; send one JSON object per frame.", frame.RequestId);
                return null;
            }

            if (frame is UnknownClientFrame unknown)
            {
                rejection = new FrameRejection(
                    ErrorCode.UnknownType,
                    "Unknown frame type \"" + unknown.TypeName + "\". Known types: create_session, connect_session, post_message, post_messages, send_response, terminate_session, ping.",
                    unknown.RequestId);
                return null;
            }

            return frame;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string .NET cannot hold, such as an escaped lone surrogate ("\udc00"); the
            // reader throws it, not a JsonException. It is a bad frame like any other, not a reason to end the connection.
            rejection = Classify(utf8, exception);
            return null;
        }
    }

    private static bool HasTrailingContent(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>Says whether a frame the converter refused is not JSON, not an object, lacks its type, or has bad fields.</summary>
    private static FrameRejection Classify(ReadOnlySpan<byte> utf8, Exception exception)
    {
        if (!IsOneJsonValue(utf8, out var syntaxError))
        {
            return new FrameRejection(ErrorCode.InvalidJson, "The frame is not valid JSON: " + syntaxError, null);
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var found = reader.TokenType switch
            {
                JsonTokenType.StartArray => "an array",
                JsonTokenType.String => "a string",
                JsonTokenType.Number => "a number",
                JsonTokenType.True or JsonTokenType.False => "a boolean",
                _ => "null",
            };
            return new FrameRejection(ErrorCode.InvalidFrame, "A frame must be a JSON object, not " + found + ".", null);
        }

        var requestId = TopLevelString(utf8, "request_id"u8, out _);
        TopLevelString(utf8, "type"u8, out var hasType);
        var message = hasType
            ? "Invalid frame: " + exception.Message
            : "The frame has no \"type\" property; every frame needs one, for example {\"type\":\"ping\",\"request_id\":\"1\"}.";
        return new FrameRejection(ErrorCode.InvalidFrame, message, requestId);
    }

    private static bool IsOneJsonValue(ReadOnlySpan<byte> utf8, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, ReaderOptions);
            reader.Read();
            reader.Skip();
            if (reader.Read())
            {
                error = "more than one JSON value.";
                return false;
            }

            return true;
        }
        catch (JsonException syntax)
        {
            error = syntax.Message;
            return false;
        }
    }

    /// <summary>The string value of a top-level property, if the frame has one (used only to echo request_id on errors).</summary>
    private static string? TopLevelString(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> name, out bool present)
    {
        present = false;
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        reader.Read();
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    present = true;
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (InvalidOperationException)
        {
            // A name or value .NET cannot read as text (an escaped lone surrogate): nothing to echo.
        }

        return null;
    }
}

/// <summary>Why a frame was refused: the error code and message of the <c>error</c> reply, and the request id to echo.</summary>
internal readonly record struct FrameRejection(ErrorCode Code, string Message, string? RequestId);
