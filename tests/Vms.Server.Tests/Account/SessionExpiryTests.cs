using System.Net;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Account;

public sealed class SessionExpiryTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Session_ThirtyMinutesIdle_Ends(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var client = app.NewClient();
        await Http.SignInAsync(client, DemoSeeder.AdminUserName, VmsApp.AdminPassword);

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(29).Add(TimeSpan.FromSeconds(59)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        // Ended for good: activity after the end does not revive it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Session_ActiveFor480Minutes_Ends(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var client = app.NewClient();
        await Http.SignInAsync(client, DemoSeeder.AdminUserName, VmsApp.AdminPassword);
        for (var minute = 20; minute < 480; minute += 20)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        }

        // Now at 460 minutes: still in; at 480 minutes the absolute limit ends it despite activity.
        app.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Page_AfterIdleTimeout_RedirectsToSignIn(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var client = app.NewClient();
        await Http.SignInAsync(client, DemoSeeder.AdminUserName, VmsApp.AdminPassword);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await client.PostAsync("/account/change-password", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task SignOut_EndsTheSessionServerSide(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var client = app.NewClient();
        await Http.SignInAsync(client, DemoSeeder.AdminUserName, VmsApp.AdminPassword);
        using var logout = await Http.PostFormAsync(client, "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }
}
