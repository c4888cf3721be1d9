using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Isolation;

/// <summary>
/// NFR4: a user of customer A asking for any object of customer B, through any API endpoint, gets 404 and none
/// of B's data. The matrix is built from the app's own endpoint list, so a new endpoint is covered (or fails).
/// </summary>
public sealed class TenantIsolationTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task EveryEndpoint_CustomerAAskingForObjectsOfB_Gets404AndNoData(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", ["AgentContactManagement"], "+3222101010", "admin@alpha.test");
        var b = await Scenario.CustomerAsync(app, "Bravo BV", "Drs", [], "+3232101010", "admin@bravo.test");
        var ids = await IdsOfAsync(app, b);
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, a.AdminUserId));

        var checkedRoutes = 0;
        foreach (var (method, template) in ApiRoutesWithIds(app))
        {
            var path = Fill(template, ids);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {template} answered {(int)response.StatusCode}: {body}");
            Assert.DoesNotContain("Bravo", body, StringComparison.Ordinal);
            Assert.DoesNotContain(b.Number, body, StringComparison.Ordinal);
            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 20, $"only {checkedRoutes} routes checked");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Lists_CustomerA_ShowOnlyItsOwnData(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        await Scenario.CustomerAsync(app, "Bravo BV", "Drs", [], "+3232101010", "admin@bravo.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, a.AdminUserId));
        foreach (var path in new[] { "/api/customers", "/api/orders", "/api/audit", "/api/tokens", "/api/me" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain("Bravo", body, StringComparison.Ordinal);
            Assert.DoesNotContain("+3232101010", body, StringComparison.Ordinal);
        }

        var customers = await client.GetFromJsonAsync<List<Features.Customers.CustomerSummary>>("/api/customers");
        Assert.Equal(a.CustomerId, Assert.Single(customers!).Id);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task CreateOrder_CustomerUser_IsForbiddenAndSavesNothing(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, a.AdminUserId));
        using var response = await client.PostAsJsonAsync("/api/orders", new { customerId = a.CustomerId, formula = "Classic" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        Assert.Equal(1, await context.Orders.CountAsync());
    }

    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal) { "id", "orderId", "numberId", "userId", "profileId", "tokenId", "letterId" };

    private static Dictionary<string, string> IdsOfAsyncResult(CustomerFixture b, Guid numberId, Guid userId, Guid profileId, Guid tokenId) => new(StringComparer.Ordinal)
    {
        ["id"] = b.CustomerId.ToString(),
        ["orderId"] = b.OrderId.ToString(),
        ["numberId"] = numberId.ToString(),
        ["userId"] = userId.ToString(),
        ["profileId"] = profileId.ToString(),
        ["tokenId"] = tokenId.ToString(),
        ["letterId"] = Guid.NewGuid().ToString(),
    };

    private static async Task<Dictionary<string, string>> IdsOfAsync(VmsApp app, CustomerFixture b)
    {
        var tokenId = await TokenIdAsync(app, b);
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        var numberId = await context.Numbers.Where(n => n.CustomerId == b.CustomerId).Select(n => n.Id).FirstAsync();
        var profileId = await context.Profiles.Where(p => p.CustomerId == b.CustomerId && p.Kind == Vms.Domain.Identity.ProfileKind.Custom).Select(p => p.Id).FirstOrDefaultAsync();
        if (profileId == Guid.Empty)
        {
            var custom = new Data.Identity.Profile { Id = Guid.NewGuid(), CustomerId = b.CustomerId, Name = "Bravo custom", Kind = Vms.Domain.Identity.ProfileKind.Custom };
            context.Profiles.Add(custom);
            await context.SaveChangesAsync();
            profileId = custom.Id;
        }

        return IdsOfAsyncResult(b, numberId, b.AdminUserId, profileId, tokenId);
    }

    private static async Task<Guid> TokenIdAsync(VmsApp app, CustomerFixture b)
    {
        await Scenario.TokenAsync(app, b.AdminUserId);
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        return await context.AccessTokens.Where(t => t.UserId == b.AdminUserId).Select(t => t.Id).FirstAsync();
    }

    /// <summary>Every /api endpoint whose route names an object (a route parameter), with its HTTP method.</summary>
    private static IEnumerable<(string Method, string Template)> ApiRoutesWithIds(VmsApp app)
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Count > 0)
            // Objects named by parameters this platform test cannot make (routing trees, calls) have their own
            // isolation tests next to their feature; every route keyed by the platform's objects is checked here.
            .Where(e => e.RoutePattern.Parameters.All(p => KnownParameters.Contains(p.Name)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal);
    }

    private static string Fill(string template, Dictionary<string, string> ids)
    {
        var path = template;
        foreach (var (name, value) in ids)
        {
            path = path.Replace("{" + name + ":guid}", value, StringComparison.Ordinal).Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", path, StringComparison.Ordinal);
        return path;
    }
}
