using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Xunit;

namespace Sessions.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs Sessions.Runtime, Sessions.Hosting and Sessions.Protocol.Generator (as built for this test run: same configuration, no rebuild)
/// into a feed in a temporary folder, and lays the consumer projects beside it with a NuGet.config that knows only
/// that feed (and nuget.org, through the machine's package cache first, for dependencies) and a package folder of
/// their own, so a package from an earlier run can never stand in for this one.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sessions-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; private set; } = "";

    public string RuntimePackage => Path.Combine(Feed, $"Sessions.Runtime.{Version}.nupkg");

    public string RuntimeSymbols => Path.Combine(Feed, $"Sessions.Runtime.{Version}.snupkg");

    public string HostingPackage => Path.Combine(Feed, $"Sessions.Hosting.{Version}.nupkg");

    public string GeneratorPackage => Path.Combine(Feed, $"Sessions.Protocol.Generator.{Version}.nupkg");

    public static string Configuration =>
        typeof(PackagesFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var repo = DotNet.RepoRoot();
        foreach (var project in new[] { "src/Sessions.Runtime/Sessions.Runtime.csproj", "src/Sessions.Hosting/Sessions.Hosting.csproj", "src/Protocol.Generator/Protocol.Generator.csproj" })
        {
            var pack = await DotNet.RunAsync(repo, null, "pack", Path.Combine(repo, project), "-c", Configuration, "--no-build", "-o", Feed, "-warnaserror");
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        var runtime = Directory.GetFiles(Feed, "Sessions.Runtime.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(runtime)["Sessions.Runtime.".Length..];

        // The consumers, away from the repository's Directory.Build/Packages files.
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Consumers"), Root);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(Root, file), "<Project />\n");
        }

        var sources = new List<string> { $"""    <add key="local" value="{Feed}" />""" };
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (Directory.Exists(cache))
        {
            sources.Add($"""    <add key="machine-cache" value="{cache}" />""");
        }

        sources.Add("""    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />""");
        await File.WriteAllTextAsync(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
              <packageSources>
                <clear />
            {string.Join(Environment.NewLine, sources)}
              </packageSources>
            </configuration>

            """);
    }

    /// <summary>Builds a consumer as a user would, with warnings as errors and no build servers left behind.</summary>
    public Task<CommandResult> BuildAsync(string consumer)
        => DotNet.RunAsync(
            Path.Combine(Root, consumer), null,
            "build", "-c", "Release", "-warnaserror", "--disable-build-servers", "-nodeReuse:false", "-p:SessionsVersion=" + Version);

    public string OutputOf(string consumer) => Path.Combine(Root, consumer, "bin", "Release", "net10.0");

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
