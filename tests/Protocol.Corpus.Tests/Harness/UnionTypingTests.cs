using System;
using System.Reflection;
using Sessions.Protocol.Corpus.Tests.Infrastructure;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Corpus.Tests.Harness;

/// <summary>Which C# forms count as a typed union, on hand-written stand-ins for generated code.</summary>
public sealed class UnionTypingTests
{
    private const string StandIns = """
        namespace Generated
        {
            public abstract record Shape;
            public sealed record Circle(double R) : Shape;
            public abstract record Orphan;
            public sealed record Flattened(string? Kind, double? R, double? Side);
            public enum Role { User, Assistant }
            public readonly record struct Status(string Value);
            public sealed class IdOrName
            {
                public T Match<T>(System.Func<long, T> id, System.Func<string, T> name) => id(0);
            }
            public sealed record Holder(Shape Shape, System.Collections.Generic.IReadOnlyList<Role> Roles, System.Collections.Generic.IReadOnlyDictionary<string, IdOrName> Ids, Status? MaybeStatus, System.Text.Json.JsonElement Raw);
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratedAssembly.Compile(StandIns).Assembly);

    [Theory]
    [InlineData("Generated.Shape", "hierarchy")]
    [InlineData("Generated.Role", "enum")]
    [InlineData("Generated.Status", "extensible enum")]
    [InlineData("Generated.IdOrName", "kind union")]
    [InlineData("Generated.Orphan", null)]
    [InlineData("Generated.Flattened", null)]
    public void Classifies_generated_types(string typeName, string? form) =>
        Assert.Equal(form, UnionTyping.Classify(Compiled.Value.GetType(typeName, throwOnError: true)!, Compiled.Value));

    [Theory]
    [InlineData(typeof(System.Text.Json.JsonElement))]
    [InlineData(typeof(System.Text.Json.Nodes.JsonNode))]
    [InlineData(typeof(object))]
    [InlineData(typeof(string))]
    public void Framework_types_are_not_typed_unions(Type type) => Assert.Null(UnionTyping.Classify(type, Compiled.Value));

    [Theory]
    [InlineData("shape", "Shape")]
    [InlineData("maybe_status", "MaybeStatus")]
    [InlineData("RAW", "Raw")]
    public void Finds_properties_by_wire_name(string wireName, string property) =>
        Assert.Equal(property, UnionTyping.Property(Compiled.Value.GetType("Generated.Holder", throwOnError: true)!, wireName)?.Name);
}
