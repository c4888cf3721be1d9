using Vms.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests;

/// <summary>
/// P1 on a live page: a Blazor page left open is closed and sent to sign-in when the session ends, driven by the
/// server's fake clock (its own server, so that moving the clock touches no other test).
/// </summary>
public sealed class SessionExpiryTests : IAsyncLifetime, IDisposable
{
    private readonly PortalServer _server = new();
    private readonly BrowserHost _browser = new();

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task LivePage_IdleThirtyMinutes_SentToSignIn_ButActivityKeepsItOpen()
    {
        await using var page = await PortalPage.OpenAsync(_browser, _server);
        await page.SignInAsync(PortalServer.AdminUser, PortalServer.AdminPassword);
        await page.WaitForPathAsync("/ops/customers");
        await page.WaitInteractiveAsync();

        // 20 idle minutes, then the user clicks on the page: the idle timer starts again.
        _server.Clock.Advance(TimeSpan.FromMinutes(20));
        await page.Page.Locator("h1").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => window.vmsSession.pending !== null");
        await page.Page.EvaluateAsync("() => window.vmsSession.pending");

        // 20 more minutes (40 in all, 20 idle): still open.
        _server.Clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(300);
        Assert.EndsWith("/ops/customers", new Uri(page.Page.Url).AbsolutePath, StringComparison.Ordinal);

        // 10 more (30 idle): the circuit is closed and the browser is on the sign-in page.
        _server.Clock.Advance(TimeSpan.FromMinutes(10));
        await page.WaitForPathAsync(@"/account/login\?expired=1");
        await Expect(page.TestId("expired")).ToBeVisibleAsync();

        // And the old session cookie no longer opens anything.
        await page.GotoAsync("/ops/customers");
        await page.WaitForPathAsync("/account/login");
    }

    [Fact]
    public async Task LivePage_AbsoluteLimit_SentToSignInDespiteActivity()
    {
        await using var page = await PortalPage.OpenAsync(_browser, _server);
        await page.SignInAsync(PortalServer.AdminUser, PortalServer.AdminPassword);
        await page.WaitForPathAsync("/ops/customers");
        await page.WaitInteractiveAsync();

        // Active every 25 minutes, the session still ends 480 minutes after sign-in.
        for (var minutes = 25; minutes < 480; minutes += 25)
        {
            _server.Clock.Advance(TimeSpan.FromMinutes(25));
            await page.Page.EvaluateAsync("() => { window.vmsSession.last = 0; }");
            await page.Page.Locator("h1").ClickAsync();
            await page.Page.EvaluateAsync("() => window.vmsSession.pending");
            Assert.EndsWith("/ops/customers", new Uri(page.Page.Url).AbsolutePath, StringComparison.Ordinal);
        }

        _server.Clock.Advance(TimeSpan.FromMinutes(5)); // 480 in all
        await page.WaitForPathAsync(@"/account/login\?expired=1");
    }
}
