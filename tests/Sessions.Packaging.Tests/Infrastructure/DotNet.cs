using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Sessions.Packaging.Tests.Infrastructure;

/// <summary>What a finished command printed and returned.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"`{Command}` exited {ExitCode}:{Environment.NewLine}{Output}";
}

/// <summary>Runs the dotnet CLI (or a built app) as a user would, isolated from the test host's MSBuild settings.</summary>
public static class DotNet
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet</c> with the arguments in <paramref name="workingDirectory"/>.</summary>
    public static Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        => RunProcessAsync("dotnet", workingDirectory, environment, arguments);

    private static async Task<CommandResult> RunProcessAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // dotnet test sets MSBuild variables for its own build; a nested build must not inherit them.
        foreach (var name in new List<string>(start.Environment.Keys))
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name is "NUGET_PACKAGES" or "DOTNET_HOST_PATH" or "TESTINGPLATFORM_TELEMETRY_OPTOUT")
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var command = fileName + " " + string.Join(' ', arguments);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Limit)) != exited)
        {
            process.Kill(entireProcessTree: true);
            return new CommandResult(command, -1, $"timed out after {Limit.TotalMinutes} min{Environment.NewLine}{Text(output)}");
        }

        await exited; // drains the output
        return new CommandResult(command, process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The repository root: the folder above this assembly that holds the solution.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sessions.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sessions.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
