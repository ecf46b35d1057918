using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Sessions.Protocol.Generator.Tests.Harness;

/// <summary>Formats diagnostics as stable one-liners: <c>{Severity} {Id} {path}({line},{col}): {message}</c> (1-based).</summary>
public static class DiagnosticFormatter
{
    /// <summary>Formats one diagnostic (message in the invariant culture).</summary>
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Severity} {diagnostic.Id} {FormatLocation(diagnostic.Location)}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary><c>path(line,col)</c>, 1-based, or <c>(no location)</c>.</summary>
    public static string FormatLocation(Location location)
    {
        if (location == Location.None)
        {
            return "(no location)";
        }

        FileLinePositionSpan span = location.GetLineSpan();
        return string.Create(CultureInfo.InvariantCulture, $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})");
    }
}

/// <summary>Orders diagnostics by path, position, id and message.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    /// <summary>The instance.</summary>
    public static DiagnosticOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        FileLinePositionSpan a = x.Location.GetLineSpan();
        FileLinePositionSpan b = y.Location.GetLineSpan();
        int result = string.CompareOrdinal(a.Path, b.Path);
        result = result != 0 ? result : a.StartLinePosition.CompareTo(b.StartLinePosition);
        result = result != 0 ? result : string.CompareOrdinal(x.Id, y.Id);
        return result != 0 ? result : string.CompareOrdinal(x.GetMessage(CultureInfo.InvariantCulture), y.GetMessage(CultureInfo.InvariantCulture));
    }
}
