using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Domain.Identity;
using Vms.Server.Features.Common;
using Vms.Server.Features.Users;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Isolation;

/// <summary>A token acts within its user's rights: a supervisor's token cannot manage users or profiles.</summary>
public sealed class RightsTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task SupervisorToken_ManagingUsersOrProfiles_IsForbidden(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        var admin = (await app.Services.GetRequiredService<CallerResolver>().ResolveAsync(a.AdminUserId, CancellationToken.None))!;
        Guid supervisorProfile, person;
        await using (var context = app.Services.GetRequiredService<VmsDb>().ForSystem())
        {
            supervisorProfile = await context.Profiles.Where(p => p.CustomerId == a.CustomerId && p.Name == StandardProfiles.Supervisor).Select(p => p.Id).SingleAsync();
            person = await context.AuthorisedPersons.Where(p => p.CustomerId == a.CustomerId && !p.IsAdministrator).Select(p => p.Id).SingleAsync();
        }

        var created = await app.Services.GetRequiredService<UserService>().CreateAsync(admin, a.CustomerId, new CreateUserRequest(person, "super.alpha", [supervisorProfile]), CancellationToken.None);
        Assert.True(created.IsOk);
        await using (var context = app.Services.GetRequiredService<VmsDb>().ForSystem())
        {
            var user = await context.Users.SingleAsync(u => u.Id == created.Value!.User.Id);
            user.MustChangePassword = false;
            await context.SaveChangesAsync();
        }

        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, created.Value!.User.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/customers/{a.CustomerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/customers/{a.CustomerId}/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/customers/{a.CustomerId}/profiles", new { name = "mine", rights = new[] { "ViewContract" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/customers/{a.CustomerId}/audit")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task RevokedToken_IsRefused(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var a = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, a.AdminUserId));
        var tokens = await client.GetFromJsonAsync<List<TokenDto>>("/api/tokens");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/tokens/{Assert.Single(tokens!).Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }
}
