using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

public sealed class GoldenFileTests
{
    public static TheoryData<string> GoldenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Expectation.Load().Keys)
        {
            data.Add(path);
        }

        return data;
    }

    [Fact]
    public void Every_golden_file_is_listed_in_expectations_and_every_listed_file_exists()
    {
        var onDisk = Directory.EnumerateFiles(RepoPaths.GoldenDir, "*.json", SearchOption.AllDirectories)
            .Select(RepoPaths.RelativeToGolden)
            .Where(p => p != Expectation.FileName)
            .ToHashSet(StringComparer.Ordinal);
        var listed = Expectation.Load().Keys.ToHashSet(StringComparer.Ordinal);

        Assert.True(onDisk.Count > 0, "tests/golden holds no .json file.");
        Assert.True(
            onDisk.SetEquals(listed),
            $"Not listed: [{string.Join(", ", onDisk.Except(listed))}]; listed but missing: [{string.Join(", ", listed.Except(onDisk))}]");
    }

    /// <summary>
    /// Validates a golden file against its schema with NJsonSchema, choosing the union branch by <c>type</c>.
    /// </summary>
    /// <remarks>
    /// NJsonSchema 11.6.2 does not enforce <c>const</c> (checked by experiment), so validating against the
    /// root <c>oneOf</c> fails for every event: a <c>message_delta</c> also matches <c>PongEvent</c>, whose only
    /// requirement is a <c>type</c> string, and the result is NotOneOf. The discriminator is therefore read here
    /// with JsonDocument and matched against the branches' <c>const</c> values; NJsonSchema then validates the
    /// frame against the selected branch. With distinct constants that is exactly what the <c>oneOf</c> means.
    /// </remarks>
    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public async Task Golden_file_meets_its_expectation(string relativePath)
    {
        var expectation = Expectation.Load()[relativePath];
        var json = await File.ReadAllTextAsync(RepoPaths.Golden(relativePath));
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Schema(expectation.Schema));
        using var schemaDoc = SchemaFiles.Parse(expectation.Schema);
        using var frame = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Object, frame.RootElement.ValueKind);

        string decodedAs;
        IReadOnlyList<ValidationError> errors;
        var union = ProtocolUnion.TryRead(schemaDoc.RootElement);
        if (union is null)
        {
            // A file without a root type (common.schema.json): expectedType names the definition directly.
            Assert.True(schema.Definitions.ContainsKey(expectation.ExpectedType), $"{expectation.Schema} has no definition {expectation.ExpectedType}.");
            decodedAs = expectation.ExpectedType;
            errors = SchemaFiles.Leaves(schema.Definitions[decodedAs].Validate(json));
        }
        else
        {
            Assert.True(
                frame.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String,
                $"{relativePath} has no string 'type'.");
            var branch = union.Branches.SingleOrDefault(b => b.Type == type.GetString());
            if (branch is null)
            {
                // Unknown type: not valid against the union, but it must still be a well-formed envelope,
                // which is what lets a receiver decode it into an "unknown" event that keeps the raw JSON.
                var envelopeErrors = SchemaFiles.Leaves(schema.Definitions[union.EnvelopeName].Validate(json));
                Assert.True(envelopeErrors.Count == 0, $"{relativePath} is not even a valid {union.EnvelopeName}: {SchemaFiles.Describe(envelopeErrors)}");
                decodedAs = "Unknown" + union.UnionName;
                errors = Array.Empty<ValidationError>();
            }
            else
            {
                decodedAs = branch.Definition;
                errors = SchemaFiles.Leaves(schema.Definitions[branch.Definition].Validate(json));
            }
        }

        Assert.Equal(expectation.ExpectedType, decodedAs);
        if (expectation.Valid)
        {
            Assert.Null(expectation.ExpectedError);
            Assert.True(errors.Count == 0, $"{relativePath} should be valid: {SchemaFiles.Describe(errors)}");
            return;
        }

        Assert.NotNull(expectation.ExpectedError);
        if (expectation.ExpectedError == Expectation.UnknownType)
        {
            Assert.StartsWith("Unknown", decodedAs);
        }
        else
        {
            // Invalid for exactly the stated reason and no other, so the rest of the frame still decodes.
            var kind = Enum.Parse<ValidationErrorKind>(expectation.ExpectedError);
            Assert.NotEmpty(errors);
            Assert.True(errors.All(e => e.Kind == kind), $"{relativePath}: expected only {kind}, got {SchemaFiles.Describe(errors)}");
        }
    }
}
