using System.Net;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task HealthReadyMetricsOpenApi_AllAnswer()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        var client = app.NewClient();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await client.GetStringAsync("/readyz"));
        Assert.Contains("http_requests_received_total", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/orders/{orderId}/activate", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        using var response = await app.NewClient().GetAsync("/healthz");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutCredentials_Is401NotARedirect()
    {
        await using var app = await VmsApp.StartAsync(TestDatabase.Sqlite);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/customers")).StatusCode);
    }
}
