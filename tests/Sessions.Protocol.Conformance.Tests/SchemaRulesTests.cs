using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>House rules every schema file keeps, because the generator turns them into C#.</summary>
public sealed class SchemaRulesTests
{
    public static TheoryData<string> SchemaFileNames() => SchemaLoadingTests.SchemaFileNames();

    // Descriptions become the XML docs of the generated types and properties.
    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Every_definition_and_property_has_a_description(string fileName)
    {
        using var doc = SchemaFiles.Parse(fileName);
        var missing = new List<string>();
        int definitions = 0, properties = 0;
        SchemaFiles.Walk(doc.RootElement, (path, node, position) =>
        {
            if (position is SchemaPosition.Definition or SchemaPosition.Property or SchemaPosition.Root)
            {
                definitions += position == SchemaPosition.Definition ? 1 : 0;
                properties += position == SchemaPosition.Property ? 1 : 0;
                if (!node.TryGetProperty("description", out var d)
                    || d.ValueKind != JsonValueKind.String
                    || string.IsNullOrWhiteSpace(d.GetString()))
                {
                    missing.Add(path);
                }
            }
        });

        // Guards against a walk that silently visits nothing.
        Assert.True(definitions > 0 && properties > 0, $"{fileName}: walked {definitions} definitions and {properties} properties.");
        Assert.True(missing.Count == 0, $"{fileName}: no description at {string.Join(", ", missing)}");
    }

    // Receivers must ignore unknown properties, so no schema may forbid them.
    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void No_schema_forbids_additional_properties(string fileName)
    {
        using var doc = SchemaFiles.Parse(fileName);
        var closed = new List<string>();
        SchemaFiles.Walk(doc.RootElement, (path, node, _) =>
        {
            if (node.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.False)
            {
                closed.Add(path);
            }
        });

        Assert.True(closed.Count == 0, $"{fileName}: additionalProperties false at {string.Join(", ", closed)}");
    }

    [Theory]
    [MemberData(nameof(SchemaFileNames))]
    public void Every_integer_is_int64(string fileName)
    {
        using var doc = SchemaFiles.Parse(fileName);
        var wrong = new List<string>();
        SchemaFiles.Walk(doc.RootElement, (path, node, _) =>
        {
            if (!node.TryGetProperty("type", out var type))
            {
                return;
            }

            var isInteger = type.ValueKind switch
            {
                JsonValueKind.String => type.GetString() == "integer",
                JsonValueKind.Array => type.EnumerateArray().Any(t => t.GetString() == "integer"),
                _ => false,
            };
            if (isInteger && !(node.TryGetProperty("format", out var format) && format.GetString() == "int64"))
            {
                wrong.Add(path);
            }
        });

        Assert.True(wrong.Count == 0, $"{fileName}: integer without format int64 at {string.Join(", ", wrong)}");
    }
}
