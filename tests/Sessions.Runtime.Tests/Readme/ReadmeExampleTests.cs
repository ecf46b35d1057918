using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Sessions.Runtime.Tests.Readme;

public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_readme_example_runs_a_conversation_with_an_approval()
    {
        var console = new StringWriter();

        var reply = await ReadmeExample.RunAsync(console).WaitAsync(Infrastructure.Within.Limit);

        Assert.EndsWith("Approved: I sent the email to team@example.com.", reply);
        Assert.Contains("[approving send_email]", console.ToString());
    }

    [Fact]
    public void The_readme_shows_exactly_the_compiled_example()
        => AssertShown(Path.Combine("Readme", "ReadmeExample.cs"), string.Empty, "## A conversation in C#");

    [Fact]
    public void The_readme_shows_exactly_the_compiled_in_memory_test()
        => AssertShown(Path.Combine("InMemory", "UserCodeWithInMemoryTransportTests.cs"), " testing", "### Testing your code without an engine");

    /// <summary>The code between <c>// README:begin{marker}</c> and <c>// README:end{marker}</c> is the first C# block after <paramref name="heading"/>.</summary>
    private static void AssertShown(string file, string marker, string heading)
    {
        var root = FindRoot();
        var source = File.ReadAllLines(Path.Combine(root, "tests", "Sessions.Runtime.Tests", file));
        var begin = Array.FindIndex(source, l => l.Trim() == "// README:begin" + marker);
        var end = Array.FindIndex(source, l => l.Trim() == "// README:end" + marker);
        var body = source[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));

        var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
        var section = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no heading " + heading);
        var start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ```csharp block after " + heading);
        start += "```csharp\n".Length;
        var shown = readme[start..readme.IndexOf("\n```", start, StringComparison.Ordinal)];

        Assert.Equal(expected, shown);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sessions.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Sessions.Generated.sln above " + AppContext.BaseDirectory);
    }
}
