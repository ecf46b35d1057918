using System.Collections.Generic;
using System.Text;
using System.Threading;
using Sessions.Protocol.Schema.Building;
using Sessions.Protocol.Schema.Model;
using System.Text.Json;
using Sessions.Protocol.Schema.Collections;
using Sessions.Protocol.Schema.Diagnostics;
using Sessions.Protocol.Schema.Input;
using Sessions.Protocol.Schema.Json;

namespace Sessions.Protocol.Schema;

/// <summary>
/// The schema reader's two steps: <see cref="Parse"/> turns one file's text into a positioned JSON
/// tree (cached per file by the generator), <see cref="BuildModel"/> turns all parsed files of a
/// project into the protocol model (references between files are resolved there).
/// </summary>
public static class SchemaReader
{
    /// <summary>Builds the protocol model of a set of parsed files. Bad schemas become diagnostics, never exceptions.</summary>
    /// <param name="files">Every schema file of the project.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static ProtocolModel BuildModel(IEnumerable<ParsedSchemaFile> files, CancellationToken cancellationToken = default)
        => ProtocolModelBuilder.Build(files, cancellationToken);

    /// <summary>Parses one schema file. Never throws: bad syntax becomes a <c>PSG001</c> diagnostic.</summary>
    public static ParsedSchemaFile Parse(SchemaSourceFile source)
    {
        try
        {
            var root = SourceJsonParser.Parse(Encoding.UTF8.GetBytes(source.Text));
            return new ParsedSchemaFile(source, root, VisibilityDiagnostics(source));
        }
        catch (JsonException exception)
        {
            var locator = new TextLocator(source.Path, source.Text);
            var location = exception is SourceJsonException located
                ? locator.FromUtf8Span(located.ByteOffset, 1)
                : locator.FromLineAndUtf8Column(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
            var message = string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                SchemaDiagnostics.InvalidJson.MessageFormat,
                FirstSentence(exception.Message));
            var diagnostic = new SchemaDiagnostic(SchemaDiagnostics.InvalidJson.Id, SchemaDiagnostics.InvalidJson.Severity, message, location, "#");
            return new ParsedSchemaFile(source, null, new EquatableArray<SchemaDiagnostic>(new[] { diagnostic }));
        }
    }

    private static EquatableArray<SchemaDiagnostic> VisibilityDiagnostics(SchemaSourceFile source)
    {
        if (source.AccessibilityKeyword is not null)
        {
            return EquatableArray<SchemaDiagnostic>.Empty;
        }

        // Item metadata has no position of its own: the diagnostic points at the file's start.
        var message = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            SchemaDiagnostics.UnknownVisibility.MessageFormat,
            source.Visibility);
        var location = new TextLocator(source.Path, source.Text).FromUtf8Span(0, 0);
        return new EquatableArray<SchemaDiagnostic>(new[]
        {
            new SchemaDiagnostic(SchemaDiagnostics.UnknownVisibility.Id, SchemaDiagnostics.UnknownVisibility.Severity, message, location, "#"),
        });
    }

    // Utf8JsonReader messages end with "LineNumber: n | BytePositionInLine: m."; the location carries that.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd(' ', '.');
    }
}
