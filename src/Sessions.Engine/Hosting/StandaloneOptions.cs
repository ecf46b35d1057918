using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Sessions.Engine.Hosting;

/// <summary>
/// Reads the standalone engine's settings from ASP.NET Core-style configuration: <c>urls</c> (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>), <c>Engine:ApiKeys</c> (<c>--Engine:ApiKeys:0=KEY</c>, <c>Engine__ApiKeys__0</c>),
/// <c>Engine:FoldWindowMs</c>, <c>Engine:MaxFrameBytes</c>, <c>Engine:MaxFileBytes</c> and <c>Engine:MaxMessageBytes</c>.
/// </summary>
internal static class StandaloneOptions
{
    public static LocalEngineOptions From(IConfiguration configuration)
    {
        var options = new LocalEngineOptions();
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            options.Urls = urls;
        }

        foreach (var key in configuration.GetSection("Engine:ApiKeys").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(key.Value))
            {
                options.ApiKeys.Add(key.Value.Trim());
            }
        }

        if (configuration["Engine:FoldWindowMs"] is { Length: > 0 } fold)
        {
            options.FoldWindow = TimeSpan.FromMilliseconds(Parse(fold, "Engine:FoldWindowMs"));
        }

        if (configuration["Engine:MaxFrameBytes"] is { Length: > 0 } max)
        {
            options.MaxFrameBytes = checked((int)Parse(max, "Engine:MaxFrameBytes"));
        }

        if (configuration["Engine:MaxFileBytes"] is { Length: > 0 } maxFile)
        {
            options.MaxFileBytes = Parse(maxFile, "Engine:MaxFileBytes");
        }

        if (configuration["Engine:MaxMessageBytes"] is { Length: > 0 } maxMessage)
        {
            options.MaxMessageBytes = Parse(maxMessage, "Engine:MaxMessageBytes");
        }

        return options;
    }

    private static long Parse(string value, string name)
        => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException(name + " must be a non-negative integer, not \"" + value + "\".");
}
