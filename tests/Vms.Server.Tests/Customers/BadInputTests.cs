using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Hosting;
using Vms.Server.Tests.Support;

namespace Vms.Server.Tests.Customers;

/// <summary>Bad input gets 400 with problem details naming every offending field, and nothing is saved.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task CreateOrder_ManyBadFields_NamesEachAndSavesNothing(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        var taken = await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        var customer = await client.PostAsJsonAsync("/api/customers", new { name = "Charlie SA" });
        var customerId = (await Http.JsonAsync(customer)).GetProperty("id").GetString();

        using var response = await client.PostAsJsonAsync("/api/orders", new
        {
            customerId,
            formula = "Drs",
            options = new[] { "VoiceRecording", "Teleportation" },
            contact = new { name = new string('x', 201), email = "not-an-email" },
            authorisedPersons = new[] { new { name = "", email = "a@b.test", isAdministrator = false } },
            numbers = new object[]
            {
                new { number = "0470 12 34 56" },
                new { number = "+800 1234 5678" },
                new { number = "02 220 10 10", services = new[] { "EnterpriseOfficeSwitch" } },
                new { number = "02 220 10 11", services = new[] { "Cnip" } },
                new { number = "+3222101010" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Http.JsonAsync(response)).GetProperty("errors");
        foreach (var field in new[]
        {
            "options", "options[1]", "contact.name", "contact.email", "authorisedPersons", "authorisedPersons[0].name",
            "numbers[0].number", "numbers[1].number", "numbers[2].services", "numbers[3].services", "numbers[4].number",
        })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Contains("another customer", errors.GetProperty("numbers[4].number")[0].GetString(), StringComparison.Ordinal);
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        Assert.Equal(1, await context.Orders.CountAsync());
        Assert.Equal(2, await context.AuthorisedPersons.CountAsync(p => p.CustomerId == taken.CustomerId));
        Assert.Equal(0, await context.AuthorisedPersons.CountAsync(p => p.CustomerId != taken.CustomerId));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Api_MalformedJson_Gets400ProblemDetails(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        using var body = new StringContent("{\"name\": \"Unclosed", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/customers", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        Assert.Equal(0, await context.Customers.CountAsync());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task CreateCustomer_MissingAndOverlongFields_NamesBoth(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        using var response = await client.PostAsJsonAsync("/api/customers", new { name = " ", companyNumber = new string('9', 21) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Http.JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("companyNumber", out _));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AddNumber_UsedByAnotherCustomer_IsRefused(string provider)
    {
        await using var app = await VmsApp.StartAsync(provider);
        await Scenario.CustomerAsync(app, "Alpha NV", "Classic", [], "+3222101010", "admin@alpha.test");
        var b = await Scenario.CustomerAsync(app, "Bravo BV", "Drs", [], "+3232101010", "admin@bravo.test");
        using var client = Http.WithToken(app, await Scenario.TokenAsync(app, (await Scenario.OperatorAsync(app)).UserId));
        using var response = await client.PostAsJsonAsync($"/api/customers/{b.CustomerId}/numbers", new { number = "02 210 10 10" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Http.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("another customer", errors.GetProperty("number")[0].GetString(), StringComparison.Ordinal);
    }
}
