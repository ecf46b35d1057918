using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Sessions.Protocol.Generator.Tests.SnapshotTesting;

/// <summary>File names and text normalisation shared by the snapshot harness.</summary>
public static class SnapshotNaming
{
    /// <summary>The folder, next to the test source file, that holds the verified files.</summary>
    public const string FolderName = "Snapshots";

    /// <summary><c>{snapshotName}{qualifier}.verified{extension}</c>.</summary>
    public static string VerifiedFileName(string snapshotName, SnapshotFile file) =>
        snapshotName + file.Qualifier + ".verified" + file.Extension;

    /// <summary><c>{snapshotName}{qualifier}.received{extension}</c>.</summary>
    public static string ReceivedFileName(string snapshotName, SnapshotFile file) =>
        snapshotName + file.Qualifier + ".received" + file.Extension;

    /// <summary>Whether <paramref name="fileName"/> is a verified file that belongs to <paramref name="snapshotName"/>.</summary>
    public static bool IsVerifiedFileOf(string snapshotName, string fileName) =>
        (fileName.StartsWith(snapshotName + "#", StringComparison.Ordinal)
         || fileName.StartsWith(snapshotName + ".verified.", StringComparison.Ordinal))
        && fileName.Contains(".verified.", StringComparison.Ordinal);

    /// <summary>Replaces characters that can't be in a file name (hint names may contain <c>/</c>) with <c>_</c>.</summary>
    public static string SanitizeFileNamePart(string value)
    {
        char[] invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).ToArray();
        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            builder.Append(Array.IndexOf(invalid, c) >= 0 ? '_' : c);
        }

        return builder.ToString();
    }

    /// <summary>Line endings become <c>\n</c> and a leading byte-order mark is dropped; nothing else changes.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    /// <summary>
    /// The directory for snapshots of tests declared in <paramref name="callerFilePath"/> (from <c>[CallerFilePath]</c>):
    /// <c>{directory of the test source}/Snapshots</c>. A path mapped by a deterministic CI build (<c>/_/...</c>) is
    /// mapped back onto the repository root found from the test's base directory.
    /// </summary>
    public static string DirectoryFor(string callerFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerFilePath);
        string? sourceDirectory = Path.GetDirectoryName(callerFilePath);
        if (sourceDirectory is null || !Directory.Exists(sourceDirectory))
        {
            sourceDirectory = MapDeterministicPath(callerFilePath)
                ?? throw new InvalidOperationException(
                    $"The test source directory of '{callerFilePath}' does not exist; snapshots can't be located.");
        }

        return Path.Combine(sourceDirectory, FolderName);
    }

    private static string? MapDeterministicPath(string callerFilePath)
    {
        string normalized = callerFilePath.Replace('\\', '/');
        if (!normalized.StartsWith("/_/", StringComparison.Ordinal))
        {
            return null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, normalized[3..]);
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate);
            }
        }

        return null;
    }
}
