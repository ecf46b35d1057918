using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Sessions.Protocol.Schema.Collections;

namespace Sessions.Protocol.Schema.Json;

/// <summary>Builds a <see cref="SourceJsonValue"/> tree from UTF-8 JSON with <see cref="Utf8JsonReader"/>.</summary>
internal static class SourceJsonParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <summary>Parses one JSON value; throws <see cref="JsonException"/> with line and position on bad syntax.</summary>
    public static SourceJsonValue Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read())
        {
            throw new JsonException("The file is empty.", null, 0, 0);
        }

        var value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException(
                "Only one JSON value is allowed; more text follows it.",
                null,
                null,
                null);
        }

        return value;
    }

    private static SourceJsonValue ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<SourceJsonProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameStart = (int)reader.TokenStartIndex;
                    var name = ReadString(ref reader);
                    var nameLength = reader.ValueSpan.Length + 2; // the quotes; BytesConsumed would include the colon
                    reader.Read();
                    properties.Add(new SourceJsonProperty(name, nameStart, nameLength, ReadValue(ref reader)));
                }

                return Composite(SourceJsonKind.Object, start, ref reader, properties.ToEquatableArray(), EquatableArray<SourceJsonValue>.Empty);

            case JsonTokenType.StartArray:
                var items = new List<SourceJsonValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return Composite(SourceJsonKind.Array, start, ref reader, EquatableArray<SourceJsonProperty>.Empty, items.ToEquatableArray());

            case JsonTokenType.String:
                return Scalar(SourceJsonKind.String, start, ref reader, ReadString(ref reader));
            case JsonTokenType.Number:
                return Scalar(SourceJsonKind.Number, start, ref reader, Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
            case JsonTokenType.True:
                return Scalar(SourceJsonKind.True, start, ref reader, null);
            case JsonTokenType.False:
                return Scalar(SourceJsonKind.False, start, ref reader, null);
            default:
                return Scalar(SourceJsonKind.Null, start, ref reader, null);
        }
    }

    // Utf8JsonReader reports a string it cannot transcode (a lone surrogate escape) with an
    // InvalidOperationException that carries no position; this gives it one.
    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new SourceJsonException("A string cannot be read: " + exception.Message, (int)reader.TokenStartIndex);
        }
    }

    private static SourceJsonValue Composite(
        SourceJsonKind kind,
        int start,
        ref Utf8JsonReader reader,
        EquatableArray<SourceJsonProperty> properties,
        EquatableArray<SourceJsonValue> items)
        => new(kind, start, (int)reader.BytesConsumed - start, null, properties, items);

    private static SourceJsonValue Scalar(SourceJsonKind kind, int start, ref Utf8JsonReader reader, string? text)
        => new(kind, start, (int)reader.BytesConsumed - start, text, EquatableArray<SourceJsonProperty>.Empty, EquatableArray<SourceJsonValue>.Empty);
}
