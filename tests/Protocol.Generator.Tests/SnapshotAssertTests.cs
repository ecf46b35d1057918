using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sessions.Protocol.Generator.Tests.SnapshotTesting;
using Xunit;

namespace Sessions.Protocol.Generator.Tests;

/// <summary>Tests of the snapshot harness itself, in a temporary directory.</summary>
public sealed class SnapshotAssertTests : IDisposable
{
    private const string Name = "SomeTests.SomeMethod";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "snapshot-assert-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void GeneratedSourceFiles_FollowVerifyNaming()
    {
        SnapshotFile file = SnapshotFile.ForGeneratedSource("session-events.g.cs", "x");

        Assert.Equal("GeneratorSnapshotTests.OurSchema#session-events.g.verified.cs", SnapshotNaming.VerifiedFileName("GeneratorSnapshotTests.OurSchema", file));
        Assert.Equal("GeneratorSnapshotTests.OurSchema#session-events.g.received.cs", SnapshotNaming.ReceivedFileName("GeneratorSnapshotTests.OurSchema", file));
        Assert.Equal("GeneratorSnapshotTests.OurSchema.verified.txt", SnapshotNaming.VerifiedFileName("GeneratorSnapshotTests.OurSchema", SnapshotFile.ForText("d")));
        Assert.Equal("#Sub_dir_x.g", SnapshotFile.ForGeneratedSource("Sub/dir\\x.g.cs", "x").Qualifier);
    }

    [Fact]
    public void SnapshotDirectory_IsTheSnapshotsFolderNextToTheCallingSourceFile()
    {
        string expected = Path.Combine(Path.GetDirectoryName(ThisFilePath())!, "Snapshots");

        Assert.Equal(expected, SnapshotAssert.ForCallerFile().Directory);
    }

    [Fact]
    public void Match_Passes_AndDeletesStaleReceivedFile()
    {
        Write("SomeTests.SomeMethod#a.g.verified.cs", "line 1\nline 2\n");
        Write("SomeTests.SomeMethod#a.g.received.cs", "stale\n");

        Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "line 1\nline 2\n"));

        Assert.False(File.Exists(PathOf("SomeTests.SomeMethod#a.g.received.cs")));
    }

    [Fact]
    public void Match_IgnoresLineEndingsAndBom_Only()
    {
        Write("SomeTests.SomeMethod#a.g.verified.cs", "\uFEFFline 1\r\nline 2\r\n");

        Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "line 1\nline 2\n"));
        Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "line 1\rline 2\r"));
        Assert.Throws<SnapshotMismatchException>(() => Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "line 1 \nline 2\n")));
        Assert.Throws<SnapshotMismatchException>(() => Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "line 1\nline 2")));
    }

    [Fact]
    public void Mismatch_Fails_WithLineNumberedDiffAndBothPaths_AndWritesReceived()
    {
        Write("SomeTests.SomeMethod#a.g.verified.cs", "one\ntwo\nthree\nfour\n");

        var failure = Assert.Throws<SnapshotMismatchException>(
            () => Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "one\nTWO\nthree\nfour\nfive\n")));

        string received = PathOf("SomeTests.SomeMethod#a.g.received.cs");
        Assert.Equal("one\nTWO\nthree\nfour\nfive\n", File.ReadAllText(received));
        Assert.Equal("one\ntwo\nthree\nfour\n", File.ReadAllText(PathOf("SomeTests.SomeMethod#a.g.verified.cs")));
        Assert.Contains(received, failure.Message, StringComparison.Ordinal);
        Assert.Contains(PathOf("SomeTests.SomeMethod#a.g.verified.cs"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("-    2       | two", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+          2 | TWO", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+          5 | five", failure.Message, StringComparison.Ordinal);
        Assert.Contains("     1     1 | one", failure.Message, StringComparison.Ordinal);
        Assert.Contains("UPDATE_SNAPSHOTS=1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingVerifiedFile_Fails_AndWritesReceived()
    {
        var failure = Assert.Throws<SnapshotMismatchException>(
            () => Strict().Matches(Name, SnapshotFile.ForText("Error PSG0001 x\n")));

        Assert.Contains("Missing verified file", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Error PSG0001 x\n", File.ReadAllText(PathOf("SomeTests.SomeMethod.received.txt")));
        Assert.False(File.Exists(PathOf("SomeTests.SomeMethod.verified.txt")));
    }

    [Fact]
    public void AllProblemsOfASnapshot_AreReportedTogether()
    {
        Write("SomeTests.SomeMethod#a.g.verified.cs", "a\n");
        Write("SomeTests.SomeMethod#b.g.verified.cs", "b\n");

        var failure = Assert.Throws<SnapshotMismatchException>(() => Strict().Matches(Name, new[]
        {
            SnapshotFile.ForGeneratedSource("a.g.cs", "A\n"),
            SnapshotFile.ForGeneratedSource("b.g.cs", "B\n"),
        }));

        Assert.Contains("2 problem(s)", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(PathOf("SomeTests.SomeMethod#a.g.received.cs")));
        Assert.True(File.Exists(PathOf("SomeTests.SomeMethod#b.g.received.cs")));
    }

    [Fact]
    public void VerifiedFileNoLongerProduced_Fails_InStrictMode()
    {
        Write("SomeTests.SomeMethod#a.g.verified.cs", "a\n");
        Write("SomeTests.SomeMethod#gone.g.verified.cs", "gone\n");
        Write("SomeTests.SomeMethod.verified.txt", "Warning PSG0002 old\n");
        Write("SomeTests.SomeMethodOther#x.g.verified.cs", "another test's file\n");

        var failure = Assert.Throws<SnapshotMismatchException>(() => Strict().Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "a\n")));

        Assert.Contains("SomeTests.SomeMethod#gone.g.verified.cs", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SomeTests.SomeMethod.verified.txt", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SomeMethodOther", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(PathOf("SomeTests.SomeMethod#gone.g.verified.cs")));
    }

    [Fact]
    public void AcceptMode_WritesVerifiedFiles_DeletesReceivedAndOrphans_AndPasses()
    {
        Write("SomeTests.SomeMethod#a.g.verified.cs", "old\n");
        Write("SomeTests.SomeMethod#a.g.received.cs", "old received\n");
        Write("SomeTests.SomeMethod#gone.g.verified.cs", "gone\n");
        Write("SomeTests.SomeMethodOther#x.g.verified.cs", "another test's file\n");

        new SnapshotAssert(_directory, SnapshotMode.Accept).Matches(Name, new[]
        {
            SnapshotFile.ForGeneratedSource("a.g.cs", "new\r\n"),
            SnapshotFile.ForGeneratedSource("b.g.cs", "brand new\n"),
        });

        Assert.Equal("new\n", File.ReadAllText(PathOf("SomeTests.SomeMethod#a.g.verified.cs")));
        Assert.Equal("brand new\n", File.ReadAllText(PathOf("SomeTests.SomeMethod#b.g.verified.cs")));
        Assert.False(File.Exists(PathOf("SomeTests.SomeMethod#a.g.received.cs")));
        Assert.False(File.Exists(PathOf("SomeTests.SomeMethod#gone.g.verified.cs")));
        Assert.True(File.Exists(PathOf("SomeTests.SomeMethodOther#x.g.verified.cs")));
        Strict().Matches(Name, new[]
        {
            SnapshotFile.ForGeneratedSource("a.g.cs", "new\n"),
            SnapshotFile.ForGeneratedSource("b.g.cs", "brand new\n"),
        });
    }

    [Fact]
    public void WrittenFiles_HaveNoByteOrderMark_AndLfLineEndings()
    {
        new SnapshotAssert(_directory, SnapshotMode.Accept).Matches(Name, SnapshotFile.ForGeneratedSource("a.g.cs", "x\r\ny\r\n"));

        Assert.Equal("x\ny\n"u8.ToArray(), File.ReadAllBytes(PathOf("SomeTests.SomeMethod#a.g.verified.cs")));
    }

    [Theory]
    [InlineData(null, null, null, SnapshotMode.Strict)]
    [InlineData("1", null, null, SnapshotMode.Accept)]
    [InlineData("true", null, null, SnapshotMode.Accept)]
    [InlineData("0", null, null, SnapshotMode.Strict)]
    [InlineData(null, "1", null, SnapshotMode.Accept)]
    [InlineData("1", null, "true", SnapshotMode.Strict)]
    [InlineData(null, "1", "1", SnapshotMode.Strict)]
    [InlineData(null, null, "true", SnapshotMode.Strict)]
    [InlineData("1", null, "false", SnapshotMode.Accept)]
    public void Mode_UpdateSwitchIsOptIn_AndNeverAppliesOnCi(string? update, string? acceptAlias, string? ci, SnapshotMode expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["UPDATE_SNAPSHOTS"] = update,
            ["ACCEPT_SNAPSHOTS"] = acceptAlias,
            ["CI"] = ci,
        };

        Assert.Equal(expected, SnapshotEnvironment.ModeFrom(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Diff_ShowsAtMost40ChangedLines_AndCountsTheRest()
    {
        string expected = string.Concat(Enumerable.Range(1, 100).Select(i => $"line {i}\n"));
        string actual = string.Concat(Enumerable.Range(1, 100).Select(i => $"LINE {i}\n"));

        string diff = LineDiff.Render(expected, actual);

        int shown = diff.Split('\n').Count(line => line.StartsWith('-') || line.StartsWith('+'));
        Assert.Equal(40, shown);
        Assert.Contains("... 160 more changed line(s) not shown", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_KeepsUnchangedLinesAligned_AcrossInsertions()
    {
        string diff = LineDiff.Render("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nNEW\nd\ne\nf\ng\nh\n");

        Assert.Equal(
            """
            @@ -2,4 +2,5 @@
                 2     2 | b
                 3     3 | c
            +          4 | NEW
                 4     5 | d
                 5     6 | e

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            diff);
    }

    private SnapshotAssert Strict() => new(_directory, SnapshotMode.Strict);

    private string PathOf(string fileName) => Path.Combine(_directory, fileName);

    private void Write(string fileName, string text)
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(PathOf(fileName), text);
    }

    private static string ThisFilePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
