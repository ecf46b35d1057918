using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// Strings and URIs as the generated converters read them: plain ASCII takes the helpers' short path, and escaped,
/// non-ASCII and split values the reader's own, so each must give exactly what <see cref="JsonDocument"/> gives; a
/// malformed URI still fails while decoding, naming its property. The short path is compiled where the consumer targets
/// .NET 8 or later (<c>NET8_0_OR_GREATER</c>), so every case runs compiled both with and without that symbol.
/// </summary>
public sealed class StringDecodingTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "definitions": {
            "Link": {
              "type": "object",
              "required": ["title", "href"],
              "properties": {
                "title": { "type": "string" },
                "note": { "type": ["string", "null"] },
                "href": { "type": "string", "format": "uri" }
              }
            }
          }
        }
        """;

    private static GeneratedAssembly Load(bool net8)
    {
        var options = net8 ? GeneratorHarness.LatestParseOptions.WithPreprocessorSymbols("NET8_0_OR_GREATER") : GeneratorHarness.LatestParseOptions;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput(TestPaths.VirtualTestSchemaPath("strings.schema.json"), Schema) }, parseOptions: options).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        return GeneratedAssembly.Load(run);
    }

    private static readonly string[] Literals =
    {
        "\"\"",
        "\"plain ascii, with spaces and digits 0123456789\"",
        "\"caf\u00e9 \u65e5\u672c \U0001F600\"",
        "\"escaped \\\"quote\\\" \\\\ \\n \\t \\u00e9 \\ud83d\\ude00\"",
        "\"\\u0041SCII written escaped\"",
        "\"" + new string('x', 300) + "\"",
    };

    private static readonly string[] Uris =
    {
        "https://api.github.com/repos/octo/hello/issues{/number}",
        "https://example.com/caf\u00e9?q=\u65e5\u672c",
        "https://example.com/a%20b#frag",
        "relative/path",
    };

    public static TheoryData<string, bool> Strings => Both(Literals);

    public static TheoryData<string, bool> UriStrings => Both(Uris);

    private static TheoryData<string, bool> Both(string[] values)
    {
        var data = new TheoryData<string, bool>();
        foreach (var value in values)
        {
            data.Add(value, false);
            data.Add(value, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_decodes_to_what_the_reader_gives(string literal, bool net8)
    {
        using GeneratedAssembly assembly = Load(net8);
        Type link = assembly.Type(Namespace + ".Link");
        string json = "{\"title\":" + literal + ",\"note\":" + literal + ",\"href\":\"https://example.com/\"}";

        object decoded = JsonSerializer.Deserialize(json, link)!;

        string expected = JsonDocument.Parse(literal).RootElement.GetString()!;
        Assert.Equal(expected, link.GetProperty("Title")!.GetValue(decoded));
        Assert.Equal(expected, link.GetProperty("Note")!.GetValue(decoded));
    }

    [Theory]
    [MemberData(nameof(UriStrings))]
    public void A_uri_decodes_to_the_uri_of_its_string_and_writes_back_as_it_was(string text, bool net8)
    {
        using GeneratedAssembly assembly = Load(net8);
        Type link = assembly.Type(Namespace + ".Link");
        // Written raw (no value here needs escaping), so non-ASCII characters arrive as UTF-8, not as \u escapes.
        string json = "{\"title\":\"t\",\"href\":\"" + text + "\"}";

        object decoded = JsonSerializer.Deserialize(json, link)!;

        var uri = Assert.IsType<Uri>(link.GetProperty("Href")!.GetValue(decoded));
        Assert.Equal(new Uri(text, UriKind.RelativeOrAbsolute), uri);
        Assert.Equal(text, uri.OriginalString);
        Assert.Equal(text, JsonDocument.Parse(JsonSerializer.Serialize(decoded, link)).RootElement.GetProperty("href").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_malformed_uri_fails_at_decode_naming_its_property(bool net8)
    {
        using GeneratedAssembly assembly = Load(net8);
        Type link = assembly.Type(Namespace + ".Link");

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"title":"t","href":"http://[::1"}""", link));

        Assert.Contains("Link.href", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_value_split_across_buffers_decodes_like_a_whole_one(bool net8)
    {
        using GeneratedAssembly assembly = Load(net8);
        Type link = assembly.Type(Namespace + ".Link");
        byte[] utf8 = Encoding.UTF8.GetBytes("""{"title":"a title long enough to be split","href":"https://example.com/split/path"}""");

        // One byte per segment: every value and name arrives split (reader.HasValueSequence).
        var reader = new Utf8JsonReader(OneBytePerSegment(utf8));
        object decoded = JsonSerializer.Deserialize(ref reader, link)!;

        Assert.Equal("a title long enough to be split", link.GetProperty("Title")!.GetValue(decoded));
        Assert.Equal(new Uri("https://example.com/split/path"), link.GetProperty("Href")!.GetValue(decoded));
    }

    private static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        Segment last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
