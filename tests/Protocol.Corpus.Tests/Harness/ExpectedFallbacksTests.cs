using System;
using System.IO;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Sessions.Protocol.Corpus.Tests.Harness;

/// <summary>The expected-fallbacks list: parsed strictly, and equal to what happened or the check fails both ways.</summary>
public sealed class ExpectedFallbacksTests
{
    private const string List = """
        {
          "$comment": "test",
          "diagnostics": [ { "id": "PSG004", "pointer": "#/definitions/a", "reason": "cannot be told apart" } ],
          "untypedUnions": [ { "pointer": "#/definitions/b", "reason": "array definition" } ],
          "examples": [ { "example": "c[0]", "failure": "decoding throws", "reason": "bad date" } ]
        }
        """;

    [Fact]
    public void Parse_keys_each_kind_of_entry()
    {
        ExpectedFallbacks parsed = ExpectedFallbacks.Parse(List, "test.json");

        Assert.Equal("PSG004 #/definitions/a", Assert.Single(parsed.Diagnostics).Key);
        Assert.Equal("#/definitions/b", Assert.Single(parsed.UntypedUnions).Key);
        Assert.Equal(new ExpectedFallback("c[0] | decoding throws", "bad date"), Assert.Single(parsed.Examples));
    }

    [Theory]
    [InlineData("""{ "examples": [ { "example": "c[0]", "failure": "decoding throws" } ] }""", "reason")]
    [InlineData("""{ "examples": [ { "example": "c[0]", "failure": "decoding throws", "reason": " " } ] }""", "reason")]
    [InlineData("""{ "examples": [ { "example": "c[0]", "reason": "r" } ] }""", "failure")]
    [InlineData("""{ "untypedUnions": [ { "pointer": "#/x", "reason": "r" }, { "pointer": "#/x", "reason": "r" } ] }""", "listed twice")]
    [InlineData("""{ "unions": [] }""", "unknown key 'unions'")]
    public void Parse_rejects_an_entry_without_reason_a_duplicate_or_an_unknown_key(string json, string expected)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => ExpectedFallbacks.Parse(json, "test.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reads_a_union_typed_where_used_with_its_form()
    {
        ExpectedFallbacks parsed = ExpectedFallbacks.Parse("""{ "typedWhereUsed": [ { "pointer": "#/x", "form": "list", "reason": "arrays of strings" } ] }""", "test.json");

        Assert.Equal(new ExpectedTyping("#/x", "list", "arrays of strings"), Assert.Single(parsed.TypedWhereUsed));
    }

    [Theory]
    [InlineData("""{ "typedWhereUsed": [ { "pointer": "#/x", "form": "bag", "reason": "r" } ] }""", "has form 'bag'")]
    [InlineData("""{ "typedWhereUsed": [ { "pointer": "#/x", "reason": "r" } ] }""", "form")]
    [InlineData("""{ "untypedUnions": [ { "pointer": "#/x", "reason": "r" } ], "typedWhereUsed": [ { "pointer": "#/x", "form": "list", "reason": "r" } ] }""", "both as untyped and as typed")]
    public void Parse_rejects_an_unknown_form_or_a_union_listed_both_ways(string json, string expected)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => ExpectedFallbacks.Parse(json, "test.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_lists_pass()
    {
        ExpectedFallbacks parsed = ExpectedFallbacks.Parse(List, "test.json");

        ExpectedFallbacks.AssertEqual("s", "example failure(s)", parsed.Examples, new[] { ("c[0] | decoding throws", "c[0] as C: decoding throws"), ("c[0] | decoding throws", "c[0] as C: decoding throws again") });
    }

    [Fact]
    public void A_new_fallback_fails_naming_it()
    {
        ExpectedFallbacks parsed = ExpectedFallbacks.Parse(List, "test.json");

        XunitException error = Assert.Throws<XunitException>(() =>
            ExpectedFallbacks.AssertEqual("s", "untyped union(s)", parsed.UntypedUnions, new[] { ("#/definitions/b", "b"), ("#/definitions/new", "new: becomes JsonElement") }));

        Assert.Contains("1 untyped union(s) not in expected-fallbacks.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("[#/definitions/new] new: becomes JsonElement", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c[0] as C: decoding throws JsonException: bad", "decoding throws")]
    [InlineData("c[0]: no generated type for the root union, of which 'c' is a variant", "no generated type")]
    [InlineData("c[0] as C: written back differently: $.x: 1 in the input, missing from the output", "written back differently")]
    [InlineData("c[0] as union U: decoded as A, expected the variant B", "decoded as another type")]
    public void Example_failures_are_keyed_by_their_kind(string failure, string kind) => Assert.Equal(kind, ExpectedFallbacks.FailureKind(failure));

    [Fact]
    public void A_listed_fallback_that_no_longer_happens_fails_asking_to_remove_it()
    {
        ExpectedFallbacks parsed = ExpectedFallbacks.Parse(List, "test.json");

        XunitException error = Assert.Throws<XunitException>(() =>
            ExpectedFallbacks.AssertEqual("s", "generator diagnostic(s)", parsed.Diagnostics, Array.Empty<(string, string)>()));

        Assert.Contains("remove it from expected-fallbacks.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("[PSG004 #/definitions/a] (cannot be told apart)", error.Message, StringComparison.Ordinal);
    }
}
