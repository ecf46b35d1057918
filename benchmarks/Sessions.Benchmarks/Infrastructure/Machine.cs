using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Sessions.Benchmarks.Infrastructure;

/// <summary>What the numbers were measured on.</summary>
public static class Machine
{
    public static string Cpu
    {
        get
        {
            try
            {
                var line = File.Exists("/proc/cpuinfo")
                    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                    : null;
                if (line is not null)
                {
                    return line.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
                }
            }
            catch (IOException)
            {
            }

            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    /// <summary>The 1-minute load average (Linux), to tell whether other work shared the machine.</summary>
    public static string Load()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static string Describe() =>
        $"{Cpu}, {Environment.ProcessorCount} logical cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB; " +
        $"{RuntimeInformation.OSDescription.Trim()} ({RuntimeInformation.OSArchitecture}); {RuntimeInformation.FrameworkDescription}; " +
        $"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";
}
