using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests.Harness;

/// <summary>The round-trip comparison ignores exactly what it should and reports everything else.</summary>
public sealed class JsonEquivalenceTests
{
    [Theory]
    [InlineData("""{"a":1,"b":"x"}""", """{"b":"x","a":1}""")]
    [InlineData("""{"a":1,"b":null}""", """{"a":1}""")]
    [InlineData("""{"a":1}""", """{"a":1,"c":null}""")]
    [InlineData("""{"n":1.0,"m":640}""", """{"n":1,"m":6.4e2}""")]
    [InlineData("""{"t":"2019-05-15T15:20:33Z"}""", """{"t":"2019-05-15T15:20:33+00:00"}""")]
    [InlineData("""[{"x":[1,2]},true,null]""", """[{"x":[1,2]},true,null]""")]
    public void Same_meaning(string input, string output) => Assert.Null(JsonEquivalence.FirstDifference(input, output));

    [Theory]
    [InlineData("""{"a":1,"b":"x"}""", """{"a":1}""", "$.b: \"x\" in the input, missing from the output")]
    [InlineData("""{"a":1}""", """{"a":1,"b":false}""", "$.b: not in the input, but written as false")]
    [InlineData("""{"a":{"b":[1,2]}}""", """{"a":{"b":[1,3]}}""", "$.a.b[1]: 2 in the input, 3 in the output")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a: 2 item(s) in the input, 1 in the output")]
    [InlineData("""{"a":"1"}""", """{"a":1}""", "$.a: \"1\" in the input, 1 in the output")]
    [InlineData("""{"t":"2019-05-15T15:20:33Z"}""", """{"t":"2019-05-15T15:20:34Z"}""", "$.t: \"2019-05-15T15:20:33Z\" in the input, \"2019-05-15T15:20:34Z\" in the output")]
    [InlineData("""{"a":{}}""", """{"a":[]}""", "$.a: {} in the input, [] in the output")]
    public void Different_meaning_is_reported_where_it_is(string input, string output, string difference) =>
        Assert.Equal(difference, JsonEquivalence.FirstDifference(input, output));
}
