using Microsoft.Playwright;
using Vms.E2E.Tests.Infrastructure;
using Vms.Server.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Vms.E2E.Tests.Calls;

/// <summary>
/// Issue 6 in a real browser: a customer's supervisor places a test call from the live calls page (a real SIP call
/// from the demo network simulator through the customer's published demo tree to a simulated phone); the page
/// shows the call in progress, then the answered count, without reloading. The operator sees the call too; another
/// customer's supervisor does not.
/// </summary>
[Collection(PortalTests.Name)]
public sealed class LiveCallsPageTests(PortalFixture fixture)
{
    private const string Number = "+3222001001";      // Demo Classic's number (demo tree: forward to +32470000001)
    private const string Caller = "+32475987654";

    [Fact]
    public async Task Supervisor_PlacesTestCall_PageShowsCallThenAnsweredCountWithoutReload()
    {
        await using var server = DemoPortalServer.Start();
        await using var supervisor = await OpenLiveCallsAsync(server, "classic.supervisor", DemoSeeder.DemoPassword, "/my/");
        await using var op = await OpenLiveCallsAsync(server, DemoSeeder.AdminUserName, DemoPortalServer.AdminPassword, "/ops/");
        await using var other = await OpenLiveCallsAsync(server, "drs.supervisor", DemoSeeder.DemoPassword, "/my/");
        await supervisor.Page.EvaluateAsync("() => { window.__vmsNoReload = 'still-here'; }");

        // The test call: 10 s on the line once answered (the demo phone rings 2 s, answers and stays until hung up).
        await supervisor.FillAsync("test-caller", Caller);
        await supervisor.FillAsync("test-number", Number);
        await supervisor.FillAsync("test-seconds", "10");
        await supervisor.ClickAsync("test-call-button");

        // In progress, on the supervisor's page and on the operator's.
        var supervisorCall = supervisor.TestId("live-call").Filter(new LocatorFilterOptions { HasText = Caller });
        await Expect(supervisorCall.Locator("[data-testid=call-state]")).ToHaveTextAsync("connected", new() { Timeout = 20_000 });
        await Expect(supervisorCall.Locator("[data-testid=call-destination]")).ToHaveTextAsync("+32470000001");
        await Expect(supervisor.TestId("calls-in-progress")).ToHaveTextAsync("1");
        var operatorCall = op.TestId("live-call").Filter(new LocatorFilterOptions { HasText = Caller });
        await Expect(operatorCall.Locator("[data-testid=call-called]")).ToHaveTextAsync(Number);

        // Another customer's supervisor sees neither the call nor the number's counters, while the call is up.
        await Expect(supervisorCall).ToHaveCountAsync(1);
        await Expect(other.TestId("live-calls")).Not.ToContainTextAsync(Caller);
        await Expect(other.TestId($"counters-{Number}")).ToHaveCountAsync(0);
        await Expect(other.TestId("calls-in-progress")).ToHaveTextAsync("0");

        // The caller hangs up after 10 s: the call leaves the list and the answered count goes up, live.
        var counters = supervisor.TestId($"counters-{Number}");
        await Expect(counters.Locator("[data-testid=answered]")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
        await Expect(counters.Locator("[data-testid=total]")).ToHaveTextAsync("1");
        await Expect(counters.Locator("[data-testid=active]")).ToHaveTextAsync("0");
        await Expect(supervisorCall).ToHaveCountAsync(0);
        await Expect(op.TestId($"counters-{Number}").Locator("[data-testid=answered]")).ToHaveTextAsync("1");
        Assert.Equal("still-here", await supervisor.Page.EvaluateAsync<string>("() => window.__vmsNoReload"));
        await Expect(other.TestId($"counters-{Number}")).ToHaveCountAsync(0);
        await supervisor.SnapshotAsync("live-calls-answered");
    }

    private async Task<PortalPage> OpenLiveCallsAsync(DemoPortalServer server, string user, string password, string landing)
    {
        var context = await fixture.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = new PortalPage(await context.NewPageAsync(), server.BaseAddress);
        await page.SignInAsync(user, password);
        await page.WaitForPathAsync(landing);
        await page.GotoAsync("/calls/live");
        await page.WaitInteractiveAsync();
        await Expect(page.TestId("live-counters")).ToBeVisibleAsync();
        return page;
    }
}
