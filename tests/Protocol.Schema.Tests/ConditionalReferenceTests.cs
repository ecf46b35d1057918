using System.Linq;
using Sessions.Protocol.Schema.Model;
using Xunit;

namespace Sessions.Protocol.Schema.Tests;

/// <summary>
/// AsyncAPI's bindings: a value whose schema conditions on a version choose, and every condition chooses the same
/// definition, or each version its own. When the conditions cover every value the schema allows, the value is that
/// definition's type, or a union of the definitions told apart by the version (an absent version selects the
/// definition its condition names); when they do not, it stays a record of its own.
/// </summary>
public sealed class ConditionalReferenceTests
{
    private const string Binding = """
        "AmqpBinding": {
          "type": "object",
          "properties": { "is": { "type": "string", "enum": ["queue", "routingKey"] }, "bindingVersion": { "type": "string", "enum": ["0.3.0"] } }
        },
        "OldAmqpBinding": { "type": "object", "properties": { "exchange": { "type": "string" }, "bindingVersion": { "type": "string", "enum": ["0.2.0"] } } }
        """;

    private static ProtocolModel Bindings(string amqp) => Schema.BuildClean(
        """{ "$schema": "http://json-schema.org/draft-07/schema#", "definitions": { """ + Binding
        + """, "ChannelBindings": { "type": "object", "properties": { "amqp": """ + amqp + " } } } }");

    private static string Amqp(string versions, params (string? Version, string Target)[] conditions)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var (version, target) in conditions)
        {
            var condition = version is null
                ? """{ "not": { "required": ["bindingVersion"] } }"""
                : """{ "required": ["bindingVersion"], "properties": { "bindingVersion": { "const": " """.TrimEnd() + version + "\" } } }";
            parts.Add("""{ "description": "a version", "if": """ + condition + """, "then": { "$ref": "#/definitions/""" + target + "\" } }");
        }

        return """{ "properties": { "bindingVersion": { "enum": [""" + versions + "] } }, \"allOf\": [" + string.Join(", ", parts) + "] }";
    }

    [Fact]
    public void Conditions_that_cover_every_version_and_all_choose_one_definition_are_that_definition()
    {
        var model = Bindings(Amqp("\"0.3.0\"", (null, "AmqpBinding"), ("0.3.0", "AmqpBinding")));

        Assert.Equal(Schema.Global("AmqpBinding"), model.Object("ChannelBindings").Property("amqp").Type.TypeName);
        Assert.DoesNotContain("ChannelBindingsAmqp", model.TypeNames());
    }

    [Theory]
    [InlineData("\"0.3.0\", \"0.4.0\"", "0.3.0", "AmqpBinding", "AmqpBinding")]
    [InlineData("\"0.3.0\"", null, "AmqpBinding", "AmqpBinding")]
    public void Conditions_that_leave_a_version_or_the_absent_version_uncovered_keep_a_record_of_its_own(string versions, string? named, string first, string second)
    {
        var model = named is null
            ? Bindings(Amqp(versions, ("0.3.0", first)))
            : Bindings(Amqp(versions, (null, first), (named, second)));

        Assert.Equal(TypeKind.Object, model.Object("ChannelBindings").Property("amqp").Type.Kind);
        Assert.NotEqual(Schema.Global("AmqpBinding"), model.Object("ChannelBindings").Property("amqp").Type.TypeName);
    }

    [Fact]
    public void Conditions_that_choose_different_definitions_are_a_union_told_apart_by_the_version_whose_absence_selects_its_choice()
    {
        var model = Bindings(Amqp("\"0.2.0\", \"0.3.0\"", (null, "AmqpBinding"), ("0.2.0", "OldAmqpBinding"), ("0.3.0", "AmqpBinding")));

        var amqp = model.Object("ChannelBindings").Property("amqp").Type;
        Assert.Equal(TypeKind.Union, amqp.Kind);
        var union = model.Union(amqp.TypeName.Split('.')[^1]);
        Assert.Equal("bindingVersion", union.DiscriminatorWireName);
        Assert.Equal(
            new[] { (Schema.Global("AmqpBinding"), "0.3.0", true), (Schema.Global("OldAmqpBinding"), "0.2.0", false) },
            union.Variants.Select(v => (v.Type.TypeName, string.Join("|", v.Recognition!.TagValues), v.Recognition.WhenTagAbsent)).ToArray());

        // The version stays each variant's own optional property, so an absent one is written back absent.
        Assert.False(model.Object("AmqpBinding").Property("bindingVersion").IsRequired);
    }
}
