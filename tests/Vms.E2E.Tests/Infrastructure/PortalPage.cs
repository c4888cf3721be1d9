using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests.Infrastructure;

/// <summary>A browser tab on the portal, with the few gestures the tests repeat.</summary>
public sealed class PortalPage(IPage page, Uri baseAddress) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public static async Task<PortalPage> OpenAsync(BrowserHost browser, PortalServer server)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(server);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return new PortalPage(await context.NewPageAsync(), server.BaseAddress);
    }

    /// <summary>Saves a full-page screenshot when VMS_E2E_SCREENSHOTS names a folder (to look at the portal).</summary>
    public async Task SnapshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("VMS_E2E_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public ILocator TestId(string id) => Page.Locator($"[data-testid=\"{id}\"]");

    public Task GotoAsync(string path) => Page.GotoAsync(new Uri(baseAddress, path).ToString());

    /// <summary>Waits until the page's Blazor circuit is live (the session guard has registered).</summary>
    public Task WaitInteractiveAsync() =>
        Page.WaitForFunctionAsync("() => window.vmsSession && window.vmsSession.ref !== null");

    /// <summary>Waits (polling, so a redirect chain does not trip it) until the address matches.</summary>
    public Task WaitForPathAsync(string pattern) =>
        Expect(Page).ToHaveURLAsync(new Regex(pattern));

    /// <summary>Types into a Blazor-bound input and commits it (Blazor binds on "change").</summary>
    public async Task FillAsync(string testId, string value)
    {
        var input = TestId(testId);
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    public async Task SelectAsync(string testId, string value)
    {
        await TestId(testId).SelectOptionAsync(value);
    }

    public Task ClickAsync(string testId) => TestId(testId).ClickAsync();

    public async Task SignInAsync(string userName, string password)
    {
        await GotoAsync("/");
        await WaitForPathAsync("/account/login");
        await TestId("username").FillAsync(userName);
        await TestId("password").FillAsync(password);
        await TestId("signin").ClickAsync();
    }

    public async Task SignOutAsync()
    {
        await TestId("sign-out").ClickAsync();
        await WaitForPathAsync("/account/login");
        await Expect(TestId("signin")).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
