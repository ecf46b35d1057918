using System;
using System.Globalization;
using System.IO;
using Xunit.Abstractions;

namespace Sessions.Reliability.Tests.Infrastructure;

/// <summary>
/// The figures the issue asks for (drops survived, frames tried, bytes retained, turns per second...): each goes to the
/// test's output and, as one line, to <c>reliability-figures.txt</c> next to the test assembly.
/// </summary>
public static class Figures
{
    private static readonly object Gate = new();

    /// <summary>Where the figures of this run are appended.</summary>
    public static string ResultsFile { get; } = Path.Combine(AppContext.BaseDirectory, "reliability-figures.txt");

    public static void Report(ITestOutputHelper output, string item, string figure, double value, string unit = "")
    {
        var line = string.Format(CultureInfo.InvariantCulture, "[{0}] {1} = {2:#,0.##}{3}", item, figure, value, unit.Length > 0 ? " " + unit : string.Empty);
        output.WriteLine(line);
        lock (Gate)
        {
            try
            {
                File.AppendAllText(ResultsFile, DateTime.UtcNow.ToString("s", CultureInfo.InvariantCulture) + " " + line + Environment.NewLine);
            }
            catch (IOException)
            {
                // The file is a convenience; the test output has the figure anyway.
            }
        }
    }
}
