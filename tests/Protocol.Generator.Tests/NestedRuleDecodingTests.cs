using System;
using System.Text.Json;
using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>
/// A root union of event unions (Schemas/nested-rules.schema.json, GitHub's webhook layout): the reader picks the
/// variant by a member inside an object property when the events differ only there, tries a rule first when it is
/// proven to exclude the rules after it, and writes each payload back unchanged.
/// </summary>
public sealed class NestedRuleDecodingTests
{
    private const string Namespace = GeneratorHarness.DefaultRootNamespace;

    private static GeneratedAssembly Load()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { SchemaInput.FromTestSchemas("nested-rules.schema.json") }).AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, run.FormatDiagnostics());
        return GeneratedAssembly.Load(run);
    }

    [Theory]
    [InlineData("""{"action":"reopened","alert":{"number":1,"state":"open"},"repository":"r"}""", "DependabotAlertReopened")]
    [InlineData("""{"repository":"r","alert":{"state":"open","number":1},"action":"reopened"}""", "DependabotAlertReopened")]
    [InlineData("""{"action":"reopened","alert":{"number":2,"secret_type":"token"},"repository":"r"}""", "SecretAlertReopened")]
    [InlineData("""{"action":"reopened","alert":{"location":{"state":"deep"},"number":2,"secret_type":"token"},"repository":"r"}""", "SecretAlertReopened")]
    [InlineData("""{"action":"created","installation":"i"}""", "InstallationCreated")]
    [InlineData("""{"action":"created","installation":"i","sender":"s"}""", "InstallationCreated")]
    [InlineData("""{"action":"created","installation":"i","repository":"r"}""", "RepositoryCreated")]
    [InlineData("""{"zen":"Keep it logically awesome."}""", "Ping")]
    [InlineData("""{"action":"created","client_payload":{"x":1}}""", "Dispatch")]
    [InlineData("""{"action":"deploy","client_payload":{}}""", "Dispatch")]
    [InlineData("""{"action":"deploy"}""", "UnknownNestedRules")]
    public void Root_union_decodes_each_event_as_its_variant_and_writes_it_back(string json, string expected)
    {
        using GeneratedAssembly assembly = Load();
        Type root = assembly.Type(Namespace + ".NestedRules");

        object decoded = JsonSerializer.Deserialize(json, root)!;

        Assert.Equal(expected, decoded.GetType().Name);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, root)));
    }

    [Theory]
    [InlineData("""{"action":"reopened","alert":{"number":1,"state":"open"},"repository":"r"}""", "DependabotAlertReopened")]
    [InlineData("""{"action":"reopened","alert":{"number":2,"secret_type":"token"},"repository":"r"}""", "SecretAlertReopened")]
    public void Inner_union_decodes_by_the_member_inside_alert(string json, string expected)
    {
        using GeneratedAssembly assembly = Load();
        Type union = assembly.Type(Namespace + ".AlertEvent");

        object decoded = JsonSerializer.Deserialize(json, union)!;

        Assert.Equal(expected, decoded.GetType().Name);
        Assert.Equal(JsonEquality.Normalize(json), JsonEquality.Normalize(JsonSerializer.Serialize(decoded, union)));
    }

    [Fact]
    public void Event_unions_keep_their_abstract_records_and_the_root_is_the_interface()
    {
        using GeneratedAssembly assembly = Load();

        Assert.True(assembly.Type(Namespace + ".NestedRules").IsInterface);
        Assert.True(assembly.Type(Namespace + ".AlertEvent").IsAbstract);
        Assert.False(assembly.Type(Namespace + ".AlertEvent").IsInterface);
        Assert.Equal(assembly.Type(Namespace + ".CreatedEvent"), assembly.Type(Namespace + ".RepositoryCreated").BaseType);
        Assert.Contains(assembly.Type(Namespace + ".NestedRules"), assembly.Type(Namespace + ".Ping").GetInterfaces());
    }
}
