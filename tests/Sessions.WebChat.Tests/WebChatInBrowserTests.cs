using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using WebChat;
using Xunit;

namespace Sessions.WebChat.Tests;

/// <summary>The sample as a user sees it: a real browser types a message, watches the reply stream, approves the tool call.</summary>
public sealed class WebChatInBrowserTests : IAsyncLifetime
{
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "webchat-test-" + Guid.NewGuid().ToString("N"));
    private WebChatApp _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = await WebChatApp.CreateAsync(new WebApplicationOptions
        {
            Args = ["--urls", "http://127.0.0.1:0"],
            ContentRootPath = SampleDirectory(),
            WebRootPath = Path.Combine(SampleDirectory(), "wwwroot"),
        });
        await _app.Web.StartAsync();
        _address = new Uri(_app.Web.Urls.First()); // the port Kestrel bound
    }

    public async Task DisposeAsync()
    {
        await _app.Web.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; it is a temp folder.
        }
    }

    [Fact]
    public void A_user_sends_a_message_sees_the_reply_stream_approves_and_sees_the_result()
    {
        Directory.CreateDirectory(_profile);
        using var browser = Browser.Start(_profile);
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));
        browser.Navigate().GoToUrl(_address);

        wait.Until(d => d.FindElement(By.Id("status")).Text == "connected");
        var input = browser.FindElement(By.Id("message"));
        input.SendKeys("Please approve sending the status email.");
        browser.FindElement(By.Id("send")).Click();

        Assert.Equal("Please approve sending the status email.", wait.Until(d => d.FindElement(By.CssSelector(".bubble.user"))).Text);
        var approval = wait.Until(d => d.FindElement(By.CssSelector(".approval")));
        Assert.Contains("send_email", approval.Text, StringComparison.Ordinal);
        approval.FindElement(By.CssSelector("button.approve")).Click();

        wait.Until(d => d.FindElement(By.CssSelector(".approval .answer")).Text == "Approved");
        var result = wait.Until(d => d.FindElement(By.CssSelector(".activity.result")));
        Assert.Contains("send_email returned", result.Text, StringComparison.Ordinal);
        var reply = wait.Until(d => d.FindElement(By.CssSelector(".bubble.assistant.complete")));
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.True(int.Parse(reply.GetDomAttribute("data-deltas") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 1, "the reply arrived as several streamed deltas");

        if (Environment.GetEnvironmentVariable("WEBCHAT_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(screenshot);
        }
    }

    private static string SampleDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sessions.Generated.sln")))
            {
                return Path.Combine(directory.FullName, "samples", "WebChat");
            }
        }

        throw new InvalidOperationException("The repository root (Sessions.Generated.sln) is not above " + AppContext.BaseDirectory);
    }
}
