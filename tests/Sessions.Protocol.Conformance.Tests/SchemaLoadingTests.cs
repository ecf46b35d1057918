using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

public sealed class SchemaLoadingTests
{
    public static TheoryData<string> SchemaFileNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in SchemaFiles.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Schema_folder_holds_the_three_v1_files()
    {
        Assert.Equal(
            new[] { "client-frames.schema.json", "common.schema.json", "session-events.schema.json" },
            SchemaFiles.Names());
    }

    // FromFileAsync throws when a $ref (local or into another file) cannot be resolved.
    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public async Task Schema_loads_and_every_reference_resolves(string fileName)
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Schema(fileName));

        using var doc = SchemaFiles.Parse(fileName);
        var declared = doc.RootElement.GetProperty("definitions").EnumerateObject();
        foreach (var definition in declared)
        {
            Assert.True(schema.Definitions.ContainsKey(definition.Name), $"{fileName}: NJsonSchema lost definition {definition.Name}.");
        }
    }

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Schema_header_is_draft07_with_id_equal_to_file_name(string fileName)
    {
        using var doc = SchemaFiles.Parse(fileName);
        var root = doc.RootElement;
        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.Equal(fileName, root.GetProperty("$id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()), $"{fileName} has no title.");
        Assert.Equal(JsonValueKind.Object, root.GetProperty("definitions").ValueKind);
    }
}
