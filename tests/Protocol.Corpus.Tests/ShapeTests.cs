using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests;

/// <summary>
/// The 18 idioms of published schemas in <c>shared/schema-shapes</c> (read beside the clone, as CI lays it out): the
/// folder holds exactly these, and every instance is valid against its shape, so that the generator's shape tests
/// (Protocol.Generator.Tests' SchemaShapeTests: generate, compile, decode and write back, snapshot) test against valid input.
/// </summary>
public sealed class ShapeTests
{
    private static readonly string[] Names =
    {
        "01-enum-as-oneof-const",
        "02-open-enum",
        "03-open-union",
        "04-default-variant-without-tag",
        "05-optional-tag",
        "06-primitive-union",
        "07-several-types",
        "08-one-or-many",
        "09-jsonrpc-same-const",
        "10-told-apart-by-properties",
        "11-shared-tag-value",
        "12-tag-as-enum",
        "13-variant-of-two-unions",
        "14-property-named-like-keyword",
        "15-ref-in-single-allof",
        "16-extra-members",
        "17-named-map",
        "18-variant-names-collide",
    };

    /// <summary>The shapes, named here so that a missing folder fails each test clearly instead of finding none.</summary>
    public static TheoryData<string> Shapes() => new(Names);

    [Fact]
    public void The_shared_folder_has_exactly_these_shapes()
    {
        string[] onDisk = Directory.EnumerateFiles(CorpusPaths.ShapesDirectory, "*.schema.json")
            .Select(path => Path.GetFileName(path)[..^".schema.json".Length])
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(Names, onDisk);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public Task Instances_are_valid_against_the_shape(string shape) =>
        ProtocolChecks.ExamplesAreValidAsync(SchemaCase.Shape(shape));
}
