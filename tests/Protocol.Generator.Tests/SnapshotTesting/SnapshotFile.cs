using System;

namespace Sessions.Protocol.Generator.Tests.SnapshotTesting;

/// <summary>
/// One text to compare against a verified file. The file is named
/// <c>{snapshotName}{Qualifier}.verified{Extension}</c>, e.g. qualifier <c>#session-events.g</c> and extension <c>.cs</c>
/// give <c>GeneratorSnapshotTests.OurSchema#session-events.g.verified.cs</c> (Verify's convention for generated sources).
/// </summary>
/// <param name="Qualifier">Empty, or <c>#</c> followed by a name unique within the snapshot.</param>
/// <param name="Extension">The file extension including the dot, e.g. <c>.cs</c> or <c>.txt</c>.</param>
/// <param name="Text">The received text (line endings are normalised before comparison).</param>
public sealed record SnapshotFile(string Qualifier, string Extension, string Text)
{
    /// <summary>A generated source: hint name <c>foo.g.cs</c> becomes qualifier <c>#foo.g</c>, extension <c>.cs</c>.</summary>
    public static SnapshotFile ForGeneratedSource(string hintName, string text)
    {
        ArgumentNullException.ThrowIfNull(hintName);
        string stem = hintName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? hintName[..^3] : hintName;
        return new SnapshotFile("#" + SnapshotNaming.SanitizeFileNamePart(stem), ".cs", text);
    }

    /// <summary>A whole-snapshot text file, e.g. the diagnostics list: <c>{snapshotName}.verified.txt</c>.</summary>
    public static SnapshotFile ForText(string text) => new(string.Empty, ".txt", text);
}
