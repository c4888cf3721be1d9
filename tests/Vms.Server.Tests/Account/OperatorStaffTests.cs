using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Account;

/// <summary>The operator's staff accounts: created by an operator administrator, read by staff, closed to customers.</summary>
public sealed class OperatorStaffTests
{
    [Fact]
    public async Task AdminCreatesReadOnlyStaff_StaffSignsInReadsButCannotCreate_DisabledEndsTheSession()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        using var admin = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));

        using var created = await admin.PostAsJsonAsync("/api/staff", new { userName = "olivia", displayName = "Olivia Ops", email = "olivia@operator.test", profile = "operator-read-only" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Http.JsonAsync(created);
        var password = body.GetProperty("oneTimePassword").GetString()!;
        var userId = body.GetProperty("user").GetProperty("id").GetString();
        Assert.Equal(16, password.Length);
        Assert.Null(body.GetProperty("user").GetProperty("customerId").GetString());

        var olivia = app.NewClient();
        Assert.StartsWith("/account/change-password", await Http.SignInAsync(olivia, "olivia", password), StringComparison.Ordinal);
        using var changed = await Http.PostFormAsync(olivia, "/account/change-password", new()
        {
            ["currentPassword"] = password, ["newPassword"] = "a brand new passphrase", ["confirmPassword"] = "a brand new passphrase", ["returnUrl"] = "/",
        });
        Assert.Equal("/", changed.Headers.Location!.OriginalString);
        var staff = await olivia.GetFromJsonAsync<JsonElement>("/api/staff");
        Assert.Contains(staff.EnumerateArray(), u => u.GetProperty("userName").GetString() == DemoSeeder.AdminUserName);
        using var page = await olivia.GetAsync("/ops/staff");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"staff-olivia\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var refused = await olivia.PostAsJsonAsync("/api/staff", new { userName = "mallory", displayName = "M", email = "m@operator.test", profile = "operator-administrator" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var disabled = await admin.PostAsync($"/api/users/{userId}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await olivia.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task CreateStaff_BadInput_EveryFieldNamedAndNothingCreated()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        using var admin = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));

        using var bad = await admin.PostAsJsonAsync("/api/staff", new { userName = DemoSeeder.AdminUserName, displayName = "", email = "not-an-address", profile = "administrator" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Http.JsonAsync(bad)).GetProperty("errors");
        Assert.All(new[] { "userName", "displayName", "email", "profile" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/staff")).EnumerateArray());
    }

    [Fact]
    public async Task CustomerAdmin_StaffEndpoints_RefusedAndStaffAccountsUnreachable()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var customer = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, customer.AdminUserId));
        var operatorAdmin = (await Scenario.OperatorAsync(app)).UserId;

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/staff", new { userName = "x", displayName = "x", email = "x@x.test", profile = "operator-administrator" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/users/{operatorAdmin}/disable", null)).StatusCode);
    }
}
