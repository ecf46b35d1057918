using System.Text;

namespace Sessions.Protocol.Generator.Emit;

/// <summary>A string builder that keeps indentation, for printing C#.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc summary, escaped, one line of text a line.</summary>
    public SourceWriter Summary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        Line("/// <summary>");
        foreach (var line in text!.Replace("\r\n", "\n").Split('\n'))
        {
            Line("/// " + CodeSpans(Escape(line.TrimEnd())));
        }

        return Line("/// </summary>");
    }

    /// <summary>Markdown code spans (<c>`x`</c>) in schema descriptions become <c>&lt;c&gt;x&lt;/c&gt;</c>.</summary>
    private static string CodeSpans(string text)
    {
        var parts = text.Split('`');
        if (parts.Length < 3)
        {
            return text;
        }

        var builder = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            // Odd parts open a span, even parts close it; a last, unpaired backtick stays as it is.
            var mark = i % 2 == 0 ? "</c>" : i < parts.Length - 1 ? "<c>" : "`";
            builder.Append(mark).Append(parts[i]);
        }

        return builder.ToString();
    }

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public override string ToString() => _builder.ToString();
}
