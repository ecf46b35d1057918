using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sessions.Protocol.Generator.Tests.SnapshotTesting;

/// <summary>
/// Compares texts with checked-in <c>.verified.</c> files, keeping Verify's file conventions
/// (<c>{ClassName}.{MethodName}#{name}.verified.cs</c>, <c>{ClassName}.{MethodName}.verified.txt</c>,
/// <c>.received.</c> files for what a failing run produced).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Line endings are normalised to <c>\n</c> (and a BOM dropped) on both sides; everything else must match exactly.</item>
/// <item>On a mismatch or a missing verified file, the <c>.received.</c> file is written beside it and the assertion
/// fails with a line diff and both paths. When a file matches, a stale <c>.received.</c> file of it is deleted.</item>
/// <item>A verified file of the same snapshot that was not produced this time (e.g. a generated source that
/// disappeared, or a diagnostics list that became empty) fails too; in <see cref="SnapshotMode.Accept"/> it is deleted.</item>
/// <item>In <see cref="SnapshotMode.Accept"/> (<c>UPDATE_SNAPSHOTS=1</c>, never on CI) differing or missing verified files
/// are written from the received text and the assertion passes.</item>
/// </list>
/// </remarks>
public sealed class SnapshotAssert
{
    /// <summary>Creates an assertion that reads and writes snapshots in <paramref name="directory"/>.</summary>
    public SnapshotAssert(string directory, SnapshotMode mode)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        Mode = mode;
    }

    /// <summary>The folder holding the verified (and received) files.</summary>
    public string Directory { get; }

    /// <summary>What happens on a difference.</summary>
    public SnapshotMode Mode { get; }

    /// <summary>
    /// The assertion for tests declared in the calling source file: snapshots in the <c>Snapshots/</c> folder next to
    /// it, mode from the environment (<see cref="SnapshotEnvironment"/>).
    /// </summary>
    public static SnapshotAssert ForCallerFile([CallerFilePath] string callerFilePath = "") =>
        new(SnapshotNaming.DirectoryFor(callerFilePath), SnapshotEnvironment.CurrentMode);

    /// <summary>
    /// Asserts that every file matches its verified file and that no other verified file of
    /// <paramref name="snapshotName"/> exists. Throws <see cref="SnapshotMismatchException"/> listing every problem.
    /// </summary>
    /// <param name="snapshotName">Usually <c>{ClassName}.{MethodName}</c>.</param>
    /// <param name="files">The received texts; their qualifiers and extensions must be unique.</param>
    public void Matches(string snapshotName, IEnumerable<SnapshotFile> files)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshotName);
        ArgumentNullException.ThrowIfNull(files);
        List<SnapshotFile> received = files.ToList();
        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (SnapshotFile file in received)
        {
            if (!expectedNames.Add(SnapshotNaming.VerifiedFileName(snapshotName, file)))
            {
                throw new ArgumentException($"Two snapshot files of '{snapshotName}' map to '{SnapshotNaming.VerifiedFileName(snapshotName, file)}'.", nameof(files));
            }
        }

        System.IO.Directory.CreateDirectory(Directory);
        var failures = new List<string>();
        foreach (SnapshotFile file in received)
        {
            CheckOne(snapshotName, file, failures);
        }

        foreach (string orphan in System.IO.Directory.EnumerateFiles(Directory)
                     .Where(path => SnapshotNaming.IsVerifiedFileOf(snapshotName, Path.GetFileName(path)))
                     .Where(path => !expectedNames.Contains(Path.GetFileName(path)))
                     .OrderBy(path => path, StringComparer.Ordinal))
        {
            if (Mode == SnapshotMode.Accept)
            {
                File.Delete(orphan);
            }
            else
            {
                failures.Add($"Verified file is no longer produced by this test (delete it, or rerun with {SnapshotEnvironment.UpdateVariable}=1):\n  {orphan}");
            }
        }

        if (failures.Count > 0)
        {
            var message = new StringBuilder();
            message.Append("Snapshot '").Append(snapshotName).Append("' does not match (").Append(failures.Count).Append(" problem(s)).\n");
            message.Append("To accept the received output, rerun with ").Append(SnapshotEnvironment.UpdateVariable)
                .Append("=1 (ignored when CI=true), or rename the .received. files to .verified.\n\n");
            message.AppendJoin("\n\n", failures);
            throw new SnapshotMismatchException(message.ToString());
        }
    }

    /// <summary>Asserts a single file: <c>{snapshotName}{qualifier}.verified{extension}</c>.</summary>
    public void Matches(string snapshotName, SnapshotFile file) => Matches(snapshotName, new[] { file });

    private void CheckOne(string snapshotName, SnapshotFile file, List<string> failures)
    {
        string verifiedPath = Path.Combine(Directory, SnapshotNaming.VerifiedFileName(snapshotName, file));
        string receivedPath = Path.Combine(Directory, SnapshotNaming.ReceivedFileName(snapshotName, file));
        string actual = SnapshotNaming.Normalize(file.Text);
        string? expected = File.Exists(verifiedPath) ? SnapshotNaming.Normalize(File.ReadAllText(verifiedPath)) : null;

        if (expected is not null && string.Equals(expected, actual, StringComparison.Ordinal))
        {
            DeleteIfExists(receivedPath);
            return;
        }

        if (Mode == SnapshotMode.Accept)
        {
            WriteText(verifiedPath, actual);
            DeleteIfExists(receivedPath);
            return;
        }

        WriteText(receivedPath, actual);
        var failure = new StringBuilder();
        failure.Append(expected is null ? "Missing verified file" : "Received text differs from verified file").Append(":\n");
        failure.Append("  verified: ").Append(verifiedPath).Append(expected is null ? " (does not exist)" : string.Empty).Append('\n');
        failure.Append("  received: ").Append(receivedPath).Append('\n');
        failure.Append("--- verified\n+++ received\n");
        failure.Append(LineDiff.Render(expected ?? string.Empty, actual));
        failures.Add(failure.ToString().TrimEnd('\n'));
    }

    private static void WriteText(string path, string text) =>
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

/// <summary>Thrown when received texts don't match their verified files.</summary>
public sealed class SnapshotMismatchException : Xunit.Sdk.XunitException
{
    /// <summary>Creates the exception with the full, readable failure message.</summary>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
