using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Account;

public sealed class SignInTests
{
    [Fact]
    public async Task SignIn_UnknownUserAndWrongPassword_GetTheSameAnswer()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var unknown = await Http.SignInAsync(app.NewClient(), "nobody", "whatever-password", "/x");
        var wrong = await Http.SignInAsync(app.NewClient(), DemoSeeder.AdminUserName, "whatever-password", "/x");
        Assert.Equal(unknown, wrong);
        Assert.StartsWith("/account/login?error=invalid", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ManyWrongPasswords_IsThrottledThenFreeAgainAfterAMinute()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        for (var i = 0; i < 5; i++)
        {
            await Http.SignInAsync(app.NewClient(), DemoSeeder.AdminUserName, "wrong-password");
        }

        Assert.StartsWith("/account/login?error=throttled", await Http.SignInAsync(app.NewClient(), DemoSeeder.AdminUserName, VmsApp.AdminPassword), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("/", await Http.SignInAsync(app.NewClient(), DemoSeeder.AdminUserName, VmsApp.AdminPassword));
    }

    [Fact]
    public async Task SignIn_Twice_StartsANewSessionEachTimeWithSecureCookie()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var client = app.NewClient();
        var (field, token) = await Http.AntiforgeryAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [field] = token, ["username"] = "admin", ["password"] = VmsApp.AdminPassword });
        using var response = await client.PostAsync("/account/login", form);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vms.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        await Http.SignInAsync(client, "admin", VmsApp.AdminPassword);
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        Assert.Equal(2, await context.Sessions.Select(s => s.Id).Distinct().CountAsync());
        Assert.True(await context.AuditEntries.AnyAsync(a => a.Action == "sign-in"));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = VmsApp.AdminPassword });
        using var response = await app.NewClient().PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_GoesHomeInstead()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        Assert.Equal("/", await Http.SignInAsync(app.NewClient(), "admin", VmsApp.AdminPassword, "//evil.example/"));
    }
}
