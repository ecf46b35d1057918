using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests.Harness;

/// <summary>The independent validator rejects what it must and tells variants apart, so the example checks can fail.</summary>
public sealed class SchemaValidatorTests
{
    [Fact]
    public async Task Rejects_an_instance_that_breaks_the_schema()
    {
        SchemaValidator validator = await SchemaValidator.ForAsync(SchemaCase.Corpus("lsp-metamodel"));
        Assert.Empty(validator.Errors("ReferenceType", """{"kind":"reference","name":"Range"}"""));
        Assert.NotEmpty(validator.Errors("ReferenceType", """{"kind":"base","name":"Range"}"""));
        Assert.NotEmpty(validator.Errors("ReferenceType", """{"kind":"reference"}"""));
    }

    [Fact]
    public async Task Finds_the_variant_an_instance_is_valid_against()
    {
        SchemaValidator validator = await SchemaValidator.ForAsync(SchemaCase.Corpus("lsp-metamodel"));
        var matches = validator.MatchingAlternatives("Type", """{"kind":"reference","name":"Range"}""");
        Assert.Equal("ReferenceType", Assert.Single(matches).Definition);
    }

    [Fact]
    public async Task Checks_const_in_a_2020_12_schema()
    {
        SchemaValidator validator = await SchemaValidator.ForAsync(SchemaCase.Corpus("mcp-apps"));
        Assert.Empty(validator.Errors("McpUiOpenLinkRequest", """{"method":"ui/open-link","params":{"url":"https://example.com"}}"""));
        Assert.NotEmpty(validator.Errors("McpUiOpenLinkRequest", """{"method":"ui/other","params":{"url":"https://example.com"}}"""));
    }

    [Fact]
    public void The_dialect_rewrites_keywords_and_leaves_properties_of_those_names()
    {
        JsonNode rewritten = JsonNode.Parse(NJsonSchemaDialect.Rewrite("""
            {
              "$defs": { "A": { "type": "object", "properties": { "const": { "const": 1 }, "$defs": true }, "additionalProperties": false } },
              "$ref": "#/$defs/A"
            }
            """))!;
        Assert.Equal("#/definitions/A", rewritten["$ref"]!.GetValue<string>());
        JsonNode a = rewritten["definitions"]!["A"]!;
        Assert.Equal("[1]", a["properties"]!["const"]!["enum"]!.ToJsonString());
        Assert.Equal("{}", a["properties"]!["$defs"]!.ToJsonString());
        Assert.Equal("""{"not":{}}""", a["additionalProperties"]!.ToJsonString());
        Assert.Null(rewritten["$defs"]);
    }
}
