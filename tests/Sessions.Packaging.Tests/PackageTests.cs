using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Sessions.Engine;
using Sessions.Packaging.Tests.Infrastructure;
using Xunit;

namespace Sessions.Packaging.Tests;

/// <summary>What a user gets from the two packages, checked the way a user would meet it: from a feed, in a new project.</summary>
public sealed class PackageTests : IClassFixture<PackagesFixture>
{
    private readonly PackagesFixture _packages;

    public PackageTests(PackagesFixture packages) => _packages = packages;

    [Fact]
    public void The_runtime_package_holds_both_frameworks_with_docs_readme_license_symbols_and_only_its_real_dependency()
    {
        using var package = ZipFile.OpenRead(_packages.RuntimePackage);
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/Sessions.Runtime.dll", files);
            Assert.Contains($"lib/{tfm}/Sessions.Runtime.xml", files);
        }

        Assert.Contains("README.md", files);
        Assert.DoesNotContain(files, f => f.StartsWith("analyzers/", StringComparison.Ordinal)); // types are generated in, not by the consumer

        var nuspec = Nuspec(package);
        Assert.Equal("MIT", Element(nuspec, "license").Value);
        Assert.Equal("README.md", Element(nuspec, "readme").Value);
        Assert.NotNull(nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("commit"));
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().ToList();
        Assert.Equal(new[] { "Microsoft.Extensions.Logging.Abstractions" }, dependencies); // not the generator, not the schema reader

        // XML docs cover the generated protocol types too.
        using var docs = new StreamReader(package.GetEntry("lib/net10.0/Sessions.Runtime.xml")!.Open());
        var xml = docs.ReadToEnd();
        Assert.Contains("T:Sessions.MessageDeltaEvent", xml, StringComparison.Ordinal);
        Assert.Contains("T:Sessions.ISessionEventVisitor`1", xml, StringComparison.Ordinal);

        using var symbols = ZipFile.OpenRead(_packages.RuntimeSymbols);
        Assert.Contains("lib/net8.0/Sessions.Runtime.pdb", symbols.Entries.Select(e => e.FullName));
        Assert.Contains("lib/net10.0/Sessions.Runtime.pdb", symbols.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void The_generator_package_is_an_analyzer_and_a_development_dependency_with_the_props_it_needs()
    {
        using var package = ZipFile.OpenRead(_packages.GeneratorPackage);
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var dll in new[] { "Sessions.Protocol.Generator.dll", "Sessions.Protocol.Schema.dll", "System.Text.Json.dll" })
        {
            Assert.Contains("analyzers/dotnet/cs/" + dll, files);
        }

        Assert.Contains("build/Sessions.Protocol.Generator.props", files);
        Assert.Contains("buildTransitive/Sessions.Protocol.Generator.props", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal)); // nothing to compile against

        var nuspec = Nuspec(package);
        Assert.Equal("true", Element(nuspec, "developmentDependency").Value);
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public async Task A_project_on_the_runtime_package_builds_without_warnings_and_holds_a_conversation_with_the_engine()
    {
        var run = await BuildAndRunAgainstEngineAsync("RuntimeConsumer");

        Assert.Contains("complete: Complete: You said: hello from a package.", run.Output, StringComparison.Ordinal);
        Assert.Contains("history: 2 messages", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hosting_package_holds_both_frameworks_and_depends_on_the_runtime_of_the_same_version()
    {
        using var package = ZipFile.OpenRead(_packages.HostingPackage);
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/Sessions.Hosting.dll", files);
            Assert.Contains($"lib/{tfm}/Sessions.Hosting.xml", files);
        }

        Assert.DoesNotContain(files, f => f.EndsWith("/Sessions.Runtime.dll", StringComparison.Ordinal)); // a dependency, not a copy
        var runtime = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "Sessions.Runtime").ToList();
        Assert.NotEmpty(runtime);
        Assert.All(runtime, d => Assert.Equal(_packages.Version, (string?)d.Attribute("version")));
    }

    [Fact]
    public async Task A_hosted_project_on_the_hosting_package_gets_its_client_from_the_container_and_holds_a_conversation()
    {
        var run = await BuildAndRunAgainstEngineAsync("HostingConsumer");

        Assert.Contains("final: Complete: You said: hello from a host", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_with_its_own_schema_gets_typed_events_from_the_generator_package()
    {
        var build = await _packages.BuildAsync("SchemaConsumer");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);

        // A development dependency: the generator runs in the compiler, nothing of it ships with the app.
        var output = _packages.OutputOf("SchemaConsumer");
        Assert.Empty(Directory.GetFiles(output, "Sessions.Protocol.*"));
        Assert.DoesNotContain("Sessions.Protocol", await File.ReadAllTextAsync(Path.Combine(output, "SchemaConsumer.deps.json")), StringComparison.Ordinal);

        var run = await DotNet.RunAsync(output, null, "SchemaConsumer.dll");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("shipped A-1 by PostalService / OrderShipped", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Builds a consumer with warnings as errors, then runs it against a fresh local engine named by the environment, as a user's app would be.</summary>
    private async Task<CommandResult> BuildAndRunAgainstEngineAsync(string consumer)
    {
        var build = await _packages.BuildAsync(consumer);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);

        await using var engine = await LocalEngine.StartAsync();
        var run = await DotNet.RunAsync(
            _packages.OutputOf(consumer),
            new Dictionary<string, string> { ["VECTORSHIFT_BASE_URL"] = engine.BaseAddress.ToString(), ["VECTORSHIFT_API_KEY"] = engine.ApiKey },
            consumer + ".dll");
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!;
    }

    private static XElement Element(XElement nuspec, string name)
        => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name) ?? throw new InvalidOperationException($"The nuspec has no <{name}>.");
}
