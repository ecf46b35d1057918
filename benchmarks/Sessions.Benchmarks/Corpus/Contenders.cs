using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using Sessions.Benchmarks.Generator;

namespace Sessions.Benchmarks.Corpus;

/// <summary>
/// The two sets of classes for one schema, made when the goal starts: ours by running <c>ProtocolGenerator</c>, the
/// baseline by NJsonSchema.CodeGeneration.CSharp (System.Text.Json flavour), each compiled in memory by the same
/// compiler. Made here rather than committed: the baseline for a 615 KiB schema is tens of thousands of lines that
/// would need a test to keep it in step with the schema and the package, and ours must be what the generator of this
/// commit makes (its errors on a schema do not stop the rest being compiled, as they would stop a build).
/// </summary>
public static class Contenders
{
    public const string OursNamespace = "Corpus.Ours";
    public const string TheirsNamespace = "Corpus.NJsonSchema";

    private static readonly Regex MissingName = new("'([A-Za-z0-9_]+)'", RegexOptions.CultureInvariant);


    public static (IReadOnlyList<Type> Types, int GeneratorErrors) Ours(CorpusWorkload workload)
    {
        var driver = GeneratorHarness.CreateDriver(new[] { new SchemaFile($"/repo/corpus/{workload.Name}.schema.json", workload.SchemaText) });
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();
        var trees = result.GeneratedTrees.Select(t => InMemoryCompiler.Parse(t.ToString(), t.FilePath));
        Assembly assembly = InMemoryCompiler.Compile("CorpusOurs", trees, NullableContextOptions.Enable);
        return (assembly.GetExportedTypes(), result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>
    /// NJsonSchema's classes, by the definition each was generated for (asked of its own type resolver), and the classes
    /// its output uses without declaring them (declared empty here).
    /// </summary>
    public static (IReadOnlyDictionary<string, Type> Types, IReadOnlyList<string> Undeclared) Theirs(CorpusWorkload workload, IEnumerable<string> definitions)
    {
        // NJsonSchema generates the classes reachable from the root's properties; this schema's root is a oneOf of the
        // events, which it does not follow (it would generate 7 classes). The usual way round: a root object with one
        // property per wanted definition, the definitions themselves unchanged.
        var root = (JsonObject)JsonNode.Parse(workload.SchemaText)!;
        root.Remove("oneOf");
        var wanted = definitions.Distinct().OrderBy(d => d, StringComparer.Ordinal).ToList();
        var properties = new JsonObject();
        foreach (string definition in wanted)
        {
            properties[definition] = new JsonObject { ["$ref"] = "#/definitions/" + definition };
        }

        root["type"] = "object";
        root["title"] = "CorpusRoot";
        root["properties"] = properties;
        JsonSchema schema = Task.Run(() => JsonSchema.FromJsonAsync(root.ToJsonString())).GetAwaiter().GetResult();
        var settings = new CSharpGeneratorSettings
        {
            Namespace = TheirsNamespace,
            JsonLibrary = CSharpJsonLibrary.SystemTextJson,
            ClassStyle = CSharpClassStyle.Poco,
            // With defaults on, NJsonSchema 11.6.2 writes "= Corpus.NJsonSchema.bool.False" for boolean properties whose
            // schema is an enum of false with a default, which does not compile; a user turns them off to build.
            GenerateDefaultValues = false,
        };
        var resolver = new CSharpTypeResolver(settings);
        string code = new CSharpGenerator(schema, settings, resolver).GenerateFile();
        SyntaxTree tree = InMemoryCompiler.Parse(code, "/corpus/NJsonSchema.cs");
        var (compiled, errors) = InMemoryCompiler.TryCompile("CorpusNJsonSchema", new[] { tree }, NullableContextOptions.Disable);

        // Its output names classes it never declares (for oneOf definitions: GitHub's workflow steps, secret-scanning
        // locations, webhook event lists). Declared empty, the rest compiles; payloads they cannot hold fail to decode
        // and are left out of the goal (the goal's note lists them).
        var missing = errors.Where(e => e.Id == "CS0246").Select(e => MissingName.Match(e.GetMessage(CultureInfo.InvariantCulture)).Groups[1].Value).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (compiled is null && missing.Count > 0 && errors.All(e => e.Id == "CS0246"))
        {
            string stubs = $"namespace {TheirsNamespace} {{ " + string.Concat(missing.Select(n => $"public partial class {n} {{ }} ")) + "}";
            compiled = InMemoryCompiler.Compile("CorpusNJsonSchema", new[] { tree, InMemoryCompiler.Parse(stubs, "/corpus/Missing.cs") }, NullableContextOptions.Disable);
        }

        Assembly assembly = compiled ?? throw new InvalidOperationException("NJsonSchema's classes do not compile: " + string.Join("; ", errors.Take(5)));
        var byDefinition = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (string name in wanted)
        {
            JsonSchema property = schema.Properties[name].ActualTypeSchema;
            if (assembly.GetType(TheirsNamespace + "." + resolver.GetOrGenerateTypeName(property, name)) is { } type)
            {
                byDefinition[name] = type;
            }
        }

        return (byDefinition, missing);
    }
}
