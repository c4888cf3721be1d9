using System.Net;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Calls;

public sealed class LiveCallsPageTests
{
    [Fact]
    public async Task LiveCallsPage_Operator_RendersCountersAndIsInTheMenu()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var client = app.NewClient();
        await Http.SignInAsync(client, DemoSeeder.AdminUserName, VmsApp.AdminPassword);

        using var response = await client.GetAsync("/calls/live");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"live-counters\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/calls/live\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"test-call\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveCallsPage_SignedOut_RedirectsToSignIn()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);

        using var response = await app.NewClient().GetAsync("/calls/live");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, response.StatusCode.ToString());
    }
}
