using Sessions.Protocol.Generator.Tests.Harness;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary><c>"deprecated": true</c> on a property: <c>[Obsolete]</c> for users, no warning from the generated converter.</summary>
public sealed class DeprecatedPropertyTests
{
    [Fact]
    public void DeprecatedProperty_IsObsolete_AndTheGeneratedCodeCompilesWithoutWarnings()
    {
        const string schema = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Widget": {
                  "type": "object",
                  "properties": { "name": { "type": "string" }, "size": { "type": "integer", "deprecated": true } },
                  "required": [ "name", "size" ]
                }
              }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SchemaInput("/repo/schema/widget.schema.json", schema) }).AssertNoException();

        Assert.Empty(run.Diagnostics);
        Assert.Contains("[global::System.Obsolete(\"Deprecated in the schema.\")]\n    public long Size", run.AllText.Replace("        ", "    ", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
        CompilationAssert.NoWarningsOrErrors(run);
    }
}
