using System.Net;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Account;

/// <summary>A signed-in user who opens a page of another role gets a 403 page, not the sign-in form.</summary>
public sealed class AccessDeniedTests
{
    [Theory]
    [InlineData("/ops/customers")]
    [InlineData("/ops/users")]
    public async Task CustomerAdmin_OpensOperatorPage_Gets403PageAndStaysSignedIn(string operatorPage)
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var customer = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        var client = app.NewClient();
        await Http.SignInAsync(client, customer.AdminUserName, customer.Password);

        using var denied = await client.GetAsync(operatorPage);
        var location = denied.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith("/account/denied", new Uri(new Uri("http://vms"), location).PathAndQuery, StringComparison.Ordinal);

        using var page = await client.GetAsync(location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("data-testid=\"access-denied\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha NV", html, StringComparison.Ordinal);

        using var own = await client.GetAsync("/");
        Assert.DoesNotContain("/account/login", own.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal); // still signed in
    }

    [Fact]
    public async Task DeniedPage_InFrench_SaysSoInFrench()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE");

        using var page = await client.GetAsync("/account/denied");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Accès refusé", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
