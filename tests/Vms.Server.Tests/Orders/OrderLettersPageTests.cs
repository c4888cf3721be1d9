using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Common;
using Vms.Server.Features.Orders;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Orders;

/// <summary>The welcome letters of an activated Voice Continuity order stay downloadable from its page, visit after visit.</summary>
public sealed class OrderLettersPageTests
{
    [Fact]
    public async Task OrderPage_OpenedAfterActivation_ListsTheLetterWithItsDownloadLink()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var customer = await Scenario.CustomerAsync(app, "Echo SRL", "VoiceContinuity", [], "+3242301010", "eve@echo.test");
        var op = app.NewClient();
        await Http.SignInAsync(op, DemoSeeder.AdminUserName, VmsApp.AdminPassword);

        using var page = await op.GetAsync($"/ops/orders/{customer.OrderId}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"welcome-letters\"", html, StringComparison.Ordinal);
        var link = Regex.Match(html, $"/api/orders/{customer.OrderId}/letters/[0-9a-f-]{{36}}").Value;
        Assert.NotEmpty(link);
        using var pdf = await op.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLetters_CustomerAdmin_GetsNone()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var customer = await Scenario.CustomerAsync(app, "Echo SRL", "VoiceContinuity", [], "+3242301010", "eve@echo.test");
        var caller = await app.Services.GetRequiredService<CallerResolver>().ResolveAsync(customer.AdminUserId, CancellationToken.None);
        var orders = app.Services.GetRequiredService<OrderService>();

        Assert.Empty(await orders.ListLettersAsync(caller!, customer.OrderId, CancellationToken.None));
        Assert.Single(await orders.ListLettersAsync(await Scenario.OperatorAsync(app), customer.OrderId, CancellationToken.None));
    }
}
