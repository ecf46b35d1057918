using System;
using System.IO;
using OpenQA.Selenium.Chrome;

namespace Sessions.WebChat.Tests;

/// <summary>Headless Chromium through chromedriver, both from the Debian packages (no download: the machine is offline).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    public static ChromeDriver Start(string profileDirectory)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"The browser test needs {ChromiumPath} and {DriverPath}: apt-get install -y chromium chromium-driver (bash .ci/run installs them).");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1000,900",
            "--user-data-dir=" + profileDirectory);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
