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
    {
        var root = FindRoot();
        var source = File.ReadAllLines(Path.Combine(root, "tests", "Sessions.Runtime.Tests", "Readme", "ReadmeExample.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == "// README:begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// README:end");
        var body = source[(begin + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.Trim()));

        var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ```csharp block.");
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
