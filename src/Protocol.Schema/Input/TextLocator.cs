using System;
using System.Collections.Generic;
using Sessions.Protocol.Schema.Diagnostics;

namespace Sessions.Protocol.Schema.Input;

/// <summary>
/// Turns the UTF-8 byte offsets of the JSON tree into character offsets, lines and columns of the
/// file text. Only used when a diagnostic is reported, so it favours simplicity over speed.
/// </summary>
internal sealed class TextLocator
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };

    public TextLocator(string path, string text)
    {
        _path = path;
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The location of a UTF-8 byte span.</summary>
    public SchemaLocation FromUtf8Span(int byteStart, int byteLength)
    {
        var start = CharOffsetOfUtf8(0, byteStart);
        var end = CharOffsetOfUtf8(start, byteLength);
        return FromCharSpan(start, end - start);
    }

    /// <summary>The location of the point that <c>Utf8JsonReader</c> reports in a <c>JsonException</c>.</summary>
    public SchemaLocation FromLineAndUtf8Column(long line, long bytePositionInLine)
    {
        var lineIndex = (int)Math.Min(Math.Max(line, 0), _lineStarts.Count - 1);
        var start = CharOffsetOfUtf8(_lineStarts[lineIndex], (int)Math.Max(bytePositionInLine, 0));
        return FromCharSpan(start, start < _text.Length ? 1 : 0);
    }

    private SchemaLocation FromCharSpan(int start, int length)
    {
        var (startLine, startColumn) = LineAndColumn(start);
        var (endLine, endColumn) = LineAndColumn(start + length);
        return new SchemaLocation(_path, start, length, startLine, startColumn, endLine, endColumn);
    }

    // Walks from charStart until byteCount UTF-8 bytes have been passed.
    private int CharOffsetOfUtf8(int charStart, int byteCount)
    {
        var i = charStart;
        var bytes = 0;
        while (i < _text.Length && bytes < byteCount)
        {
            var c = _text[i];
            if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
            {
                bytes += 4;
                i += 2;
                continue;
            }

            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            i++;
        }

        return i;
    }

    private (int Line, int Column) LineAndColumn(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }
}
