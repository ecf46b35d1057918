using System;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>An <see cref="AdditionalText"/> held in memory (what MSBuild passes for an <c>AdditionalFiles</c> item).</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>Creates the text; <paramref name="path"/> is what the generator sees as <see cref="Path"/>.</summary>
    public InMemoryAdditionalText(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <inheritdoc />
    public override string ToString() => Path;
}
