using System;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// The reader of a union whose variants share their tag value picks the variant by another property's value
/// (Schemas/value-rules.schema.json), and writes each back unchanged; an object whose oneOf only constrains it is one record.
/// </summary>
public sealed class ValueRuleDecodingTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    [Theory]
    [InlineData("""{"type":"http","scheme":"bearer","bearerFormat":"JWT"}""", "BearerHttpScheme")]
    [InlineData("""{"scheme":"basic","type":"http"}""", "OtherHttpScheme")]
    [InlineData("""{"type":"apiKey","in":"query","name":"key"}""", "HeaderApiKey")]
    [InlineData("""{"type":"apiKey","in":"user","name":"key"}""", "UserApiKey")]
    [InlineData("""{"type":"openIdConnect","openIdConnectUrl":"https://example.test/.well-known"}""", "OpenIdScheme")]
    [InlineData("""{"type":"mutualTLS"}""", "UnknownSecurityScheme")]
    public void Security_scheme_decodes_as_the_variant_its_values_select_and_writes_back(string json, string expected)
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(GeneratorHarness.Run(TestSchemas.ValueRules).AssertNoException());
        Type union = assembly.Type(Namespace + ".SecurityScheme");

        object decoded = JsonSerializer.Deserialize(json, union)!;

        Assert.Equal(expected, decoded.GetType().Name);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, union)));
    }

    [Fact]
    public void Object_whose_anyOf_only_requires_its_own_properties_is_one_record()
    {
        using GeneratedAssembly assembly = GeneratedAssembly.Load(GeneratorHarness.Run(TestSchemas.ValueRules).AssertNoException());
        Type example = assembly.Type(Namespace + ".MessageExample");
        const string json = """{"name":"hello","payload":{"text":"hi"}}""";

        object decoded = JsonSerializer.Deserialize(json, example)!;

        Assert.False(example.IsAbstract);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, example)));
    }
}
