using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sessions.Protocol.Generator.Tests.SnapshotTesting;

/// <summary>A small unified line diff (longest common subsequence) for readable snapshot failures.</summary>
public static class LineDiff
{
    private const int ContextLines = 2;

    // Beyond this many cells the LCS table is not built and the middle section is diffed line by line.
    private const long MaxTableCells = 16_000_000;

    /// <summary>One line of the edit script.</summary>
    /// <param name="Kind"><c>' '</c> unchanged, <c>'-'</c> only in the expected text, <c>'+'</c> only in the actual text.</param>
    /// <param name="ExpectedLine">1-based line number in the expected text, or 0.</param>
    /// <param name="ActualLine">1-based line number in the actual text, or 0.</param>
    /// <param name="Text">The line's text.</param>
    public readonly record struct Edit(char Kind, int ExpectedLine, int ActualLine, string Text);

    /// <summary>
    /// Renders the differences of two texts (already normalised to <c>\n</c>) as unified-diff hunks, showing at most
    /// <paramref name="maxChangedLines"/> changed lines, each prefixed with <c>-</c>/<c>+</c> and its line number.
    /// Returns an empty string when the texts are equal.
    /// </summary>
    public static string Render(string expected, string actual, int maxChangedLines = 40)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        List<Edit> edits = Compute(SplitLines(expected), SplitLines(actual));
        var output = new StringBuilder();
        int totalChanged = 0;
        int shownChanged = 0;
        foreach (Edit edit in edits)
        {
            if (edit.Kind != ' ')
            {
                totalChanged++;
            }
        }

        if (totalChanged == 0)
        {
            // Same lines; the texts differ only in the final line break.
            output.Append(expected.EndsWith('\n') ? "expected ends with a line break, actual does not\n" : "actual ends with a line break, expected does not\n");
            return output.ToString();
        }

        int index = 0;
        while (index < edits.Count && shownChanged < maxChangedLines)
        {
            // Find the next change and the extent of its hunk (changes separated by at most 2*context unchanged lines).
            int firstChange = edits.FindIndex(index, e => e.Kind != ' ');
            if (firstChange < 0)
            {
                break;
            }

            int start = Math.Max(index, firstChange - ContextLines);
            int end = firstChange;
            int lastChange = firstChange;
            while (end < edits.Count)
            {
                if (edits[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * ContextLines)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(edits.Count, lastChange + ContextLines + 1);
            output.Append("@@ ").Append(HunkHeader(edits, start, end)).Append(" @@\n");
            for (int i = start; i < end; i++)
            {
                Edit edit = edits[i];
                if (edit.Kind != ' ')
                {
                    if (shownChanged == maxChangedLines)
                    {
                        break;
                    }

                    shownChanged++;
                }

                output.Append(FormatLine(edit)).Append('\n');
            }

            index = end;
        }

        if (totalChanged > shownChanged)
        {
            output.Append(CultureInfo.InvariantCulture, $"... {totalChanged - shownChanged} more changed line(s) not shown\n");
        }

        return output.ToString();
    }

    /// <summary>The edit script turning <paramref name="expected"/> into <paramref name="actual"/>.</summary>
    public static List<Edit> Compute(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var edits = new List<Edit>(Math.Max(expected.Count, actual.Count));
        int prefix = 0;
        while (prefix < expected.Count && prefix < actual.Count && expected[prefix] == actual[prefix])
        {
            edits.Add(new Edit(' ', prefix + 1, prefix + 1, expected[prefix]));
            prefix++;
        }

        int suffix = 0;
        while (suffix < expected.Count - prefix && suffix < actual.Count - prefix
               && expected[expected.Count - 1 - suffix] == actual[actual.Count - 1 - suffix])
        {
            suffix++;
        }

        int n = expected.Count - prefix - suffix;
        int m = actual.Count - prefix - suffix;
        if ((long)(n + 1) * (m + 1) <= MaxTableCells)
        {
            AppendLcsEdits(expected, actual, prefix, n, m, edits);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                edits.Add(new Edit('-', prefix + i + 1, 0, expected[prefix + i]));
            }

            for (int j = 0; j < m; j++)
            {
                edits.Add(new Edit('+', 0, prefix + j + 1, actual[prefix + j]));
            }
        }

        for (int k = 0; k < suffix; k++)
        {
            int e = expected.Count - suffix + k;
            int a = actual.Count - suffix + k;
            edits.Add(new Edit(' ', e + 1, a + 1, expected[e]));
        }

        return edits;
    }

    /// <summary>Splits on <c>\n</c>; a final line break does not start another (empty) line.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }

        string[] lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static void AppendLcsEdits(IReadOnlyList<string> expected, IReadOnlyList<string> actual, int offset, int n, int m, List<Edit> edits)
    {
        // lengths[i, j] = LCS length of expected[offset+i..] and actual[offset+j..].
        var lengths = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = expected[offset + i] == actual[offset + j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0;
        int y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && expected[offset + x] == actual[offset + y])
            {
                edits.Add(new Edit(' ', offset + x + 1, offset + y + 1, expected[offset + x]));
                x++;
                y++;
            }
            else if (y < m && (x == n || lengths[x, y + 1] > lengths[x + 1, y]))
            {
                edits.Add(new Edit('+', 0, offset + y + 1, actual[offset + y]));
                y++;
            }
            else
            {
                edits.Add(new Edit('-', offset + x + 1, 0, expected[offset + x]));
                x++;
            }
        }
    }

    private static string HunkHeader(List<Edit> edits, int start, int end)
    {
        int expectedStart = 0, expectedCount = 0, actualStart = 0, actualCount = 0;
        for (int i = start; i < end; i++)
        {
            if (edits[i].ExpectedLine > 0)
            {
                expectedStart = expectedStart == 0 ? edits[i].ExpectedLine : expectedStart;
                expectedCount++;
            }

            if (edits[i].ActualLine > 0)
            {
                actualStart = actualStart == 0 ? edits[i].ActualLine : actualStart;
                actualCount++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"-{expectedStart},{expectedCount} +{actualStart},{actualCount}");
    }

    private static string FormatLine(Edit edit)
    {
        string expectedNumber = edit.ExpectedLine > 0 ? edit.ExpectedLine.ToString(CultureInfo.InvariantCulture) : string.Empty;
        string actualNumber = edit.ActualLine > 0 ? edit.ActualLine.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{edit.Kind}{expectedNumber,5} {actualNumber,5} | {edit.Text}");
    }
}
