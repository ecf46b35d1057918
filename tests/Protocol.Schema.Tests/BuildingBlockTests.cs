using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// A definition referenced only inside <c>allOf</c> is a building block merged into the records that use it, not a
/// value: no record of its own, unless the schema gives examples of it (AsyncAPI's <c>oauth2Flow</c>), which a reader
/// of the schema expects to decode.
/// </summary>
public class BuildingBlockTests
{
    private const string Template = """
        { "definitions": {
          "Flow": { "type": "object", "properties": { "tokenUrl": { "type": "string" } } EXAMPLES },
          "Implicit": { "allOf": [ { "$ref": "#/definitions/Flow" }, { "required": ["tokenUrl"] } ] } } }
        """;

    [Fact]
    public void A_building_block_without_examples_has_no_record()
    {
        var model = Schema.BuildClean(Template.Replace("EXAMPLES", string.Empty, System.StringComparison.Ordinal));

        Assert.Equal(new[] { "Implicit" }, model.TypeNames());
    }

    [Fact]
    public void A_building_block_with_examples_has_its_record_too()
    {
        var model = Schema.BuildClean(Template.Replace("EXAMPLES", """, "examples": [ { "tokenUrl": "https://example.com/token" } ]""", System.StringComparison.Ordinal));

        Assert.Equal(new[] { "Flow", "Implicit" }, model.TypeNames());
        Assert.Equal("tokenUrl", Assert.Single(model.Object("Flow").Properties).WireName);
    }
}
