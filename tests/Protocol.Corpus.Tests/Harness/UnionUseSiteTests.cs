using System;
using System.Linq;
using System.Reflection;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests.Harness;

/// <summary>
/// A union no union type stands for (an array definition's oneOf of arrays, a string that is a URI or empty, a oneOf
/// that only constrains one record) counts as typed only when every place that uses it gets the listed form: the
/// places are found through <c>$ref</c>, and one that falls back to <c>JsonElement</c> fails the check.
/// </summary>
public sealed class UnionUseSiteTests
{
    private const string StandIns = """
        namespace Generated
        {
            using System.Collections.Generic;
            using System.Text.Json;

            public sealed record Hook(IReadOnlyList<string> Events, string Url, Example Example);
            public sealed record Example(JsonElement? Payload, IReadOnlyDictionary<string, JsonElement>? Headers);
            public sealed record Lost(JsonElement Events);
            public sealed record Holder(Hook Hook);
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratedAssembly.Compile(StandIns).Assembly);

    private static string Schema(bool withLost) => """
        {
          "$defs": {
            "Events": { "oneOf": [
              { "type": "array", "items": { "type": "string", "enum": [ "push", "ping" ] } },
              { "type": "array", "items": { "const": "*" }, "minItems": 1, "maxItems": 1 } ] },
            "Url": { "oneOf": [ { "type": "string", "format": "uri" }, { "type": "string", "enum": [ "" ] } ] },
            "Example": {
              "type": "object",
              "properties": { "payload": {}, "headers": { "type": "object" } },
              "anyOf": [ { "required": [ "payload" ] }, { "required": [ "headers" ] } ]
            },
            "Hook": {
              "type": "object",
              "properties": {
                "events": { "$ref": "#/$defs/Events" },
                "url": { "$ref": "#/$defs/Url" },
                "example": { "$ref": "#/$defs/Example" }
              }
            },
            "Wrapper": { "oneOf": [ { "$ref": "#/$defs/Hook" } ] },
            "Holder": { "type": "object", "properties": { "hook": { "description": "The hook.", "allOf": [ { "$ref": "#/$defs/Wrapper" } ] } } },
            "Merged": { "type": "object", "allOf": [ { "$ref": "#/$defs/Holder" }, { "properties": { "more": { "type": "string" } } } ] }
        """ + (withLost ? """
            ,"Lost": { "type": "object", "properties": { "events": { "$ref": "#/$defs/Events" } } }
        """ : string.Empty) + """
          }
        }
        """;

    [Fact]
    public void Finds_each_use_of_a_definition_through_ref_a_lone_allOf_and_a_one_item_wrapper_but_not_a_merge()
    {
        UnionCensus census = UnionCensus.Take(SchemaDocument.Parse(Schema(withLost: true), "test"));

        Assert.Equal(new[] { "Hook.events", "Lost.events" }, census.UsesOf("Events").Select(u => u.Path));
        Assert.Equal(new[] { "Hook.example" }, census.UsesOf("Example").Select(u => u.Path));
        Assert.Equal(new[] { "Wrapper" }, census.UsesOf("Hook").Select(u => u.Path));
        Assert.Equal("#/$defs/Holder/properties/hook/allOf/0", Assert.Single(census.UsesOf("Wrapper")).Pointer);
        Assert.Empty(census.UsesOf("Holder"));
    }

    [Theory]
    [InlineData("Events", "list", "list at 1 use(s): Hook.events IReadOnlyList<String>")]
    [InlineData("Url", "string", "string at 1 use(s): Hook.url String")]
    [InlineData("Example", "record", "record at 2 use(s): Example Example, Hook.example Example")]
    public void A_listed_union_is_typed_when_its_form_holds_at_every_use(string definition, string form, string outcome)
    {
        UnionOutcome checkedOutcome = Check(withLost: false, definition, form);

        Assert.True(checkedOutcome.IsTyped, checkedOutcome.Outcome);
        Assert.Equal(outcome, checkedOutcome.Outcome);
    }

    [Fact]
    public void A_use_that_falls_back_to_JsonElement_makes_the_union_untyped()
    {
        UnionOutcome outcome = Check(withLost: true, "Events", "list");

        Assert.False(outcome.IsTyped);
        Assert.Equal("listed as typed where used (list), but at Lost.events it is JsonElement, not a list of typed items", outcome.Outcome);
    }

    [Theory]
    [InlineData("Events", "string", "an alternative is not a string")]
    [InlineData("Url", "list", "an alternative is not an array")]
    [InlineData("Url", "record", "an alternative has 'type'")]
    [InlineData("Example", "string", "an alternative is not a string")]
    public void A_form_the_schema_does_not_have_is_refused(string definition, string form, string problem)
    {
        UnionOutcome outcome = Check(withLost: false, definition, form);

        Assert.False(outcome.IsTyped);
        Assert.Contains(problem, outcome.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unlisted_union_with_no_type_of_its_own_is_judged_at_its_uses()
    {
        UnionCensus census = UnionCensus.Take(SchemaDocument.Parse(Schema(withLost: false), "test"));
        UnionSite events = census.Sites.Single(s => s.Definition == "Events");

        UnionOutcome outcome = UnionTyping.Check(Compiled.Value, TypeOf, census, events, listed: null);

        Assert.False(outcome.IsTyped);
        Assert.StartsWith("at Hook.events: becomes IReadOnlyList", outcome.Outcome, StringComparison.Ordinal);
    }

    private static UnionOutcome Check(bool withLost, string definition, string form)
    {
        UnionCensus census = UnionCensus.Take(SchemaDocument.Parse(Schema(withLost), "test"));
        UnionSite site = census.Sites.Single(s => s.Definition == definition);
        return UnionTyping.Check(Compiled.Value, TypeOf, census, site, new ExpectedTyping(site.Pointer, form, "test"));
    }

    // The stand-ins have a type for the object definitions only, as the generator has (Events, Url and Wrapper have none).
    private static Type? TypeOf(string definition) => Compiled.Value.GetType("Generated." + definition);
}
