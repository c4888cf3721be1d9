using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.Server.Features.Account;
using Vms.Server.Features.Common;
using Vms.Server.Features.Customers;
using Vms.Server.Features.Orders;
using Vms.Server.Features.Users;
using Vms.Server.Hosting;

namespace Vms.Server.Tests.Support;

/// <summary>A customer made the way the operator makes one: created, ordered, activated; its admin's password known.</summary>
public sealed record CustomerFixture(Guid CustomerId, Guid OrderId, Guid AdminUserId, string AdminUserName, string Password, string Number);

public static class Scenario
{
    public const string CustomerPassword = "customer-password-1";

    public static async Task<Caller> OperatorAsync(VmsApp app)
    {
        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        var admin = await context.Users.SingleAsync(u => u.UserName == DemoSeeder.AdminUserName);
        return (await app.Services.GetRequiredService<CallerResolver>().ResolveAsync(admin.Id, CancellationToken.None))!;
    }

    public static async Task<CustomerFixture> CustomerAsync(VmsApp app, string name, string formula, string[] options, string number, string adminEmail)
    {
        var op = await OperatorAsync(app);
        var customers = app.Services.GetRequiredService<CustomerService>();
        var created = await customers.CreateAsync(op, new CreateCustomerRequest(name, null), CancellationToken.None);
        Assert.True(created.IsOk, string.Join("; ", created.Errors.Select(e => e.Field + ": " + e.Message)));
        var customerId = created.Value!.Id;
        var orders = app.Services.GetRequiredService<OrderService>();
        var order = await orders.CreateAsync(op, new CreateOrderRequest(
            customerId, formula, options, new ContactDto("Contact", adminEmail, null),
            [new AuthorisedPersonInput("Admin " + name, adminEmail, true), new AuthorisedPersonInput("Second " + name, "second." + adminEmail, false)],
            [new RelatedEntityInput(name + " Subsidiary", "0123456789", "Shareholding register")],
            [new OrderNumberInput(number, null, false, null)]), CancellationToken.None);
        Assert.True(order.IsOk, string.Join("; ", order.Errors.Select(e => e.Field + ": " + e.Message)));
        var activated = await app.Services.GetRequiredService<OrderActivation>().ActivateAsync(op, order.Value!.Id, CancellationToken.None);
        Assert.True(activated.IsOk, string.Join("; ", activated.Errors.Select(e => e.Field + ": " + e.Message)));

        await using var context = app.Services.GetRequiredService<VmsDb>().ForSystem();
        var admin = await context.Users.SingleAsync(u => u.CustomerId == customerId);
        admin.PasswordHash = app.Services.GetRequiredService<PasswordHasher>().Hash(CustomerPassword);
        admin.MustChangePassword = false;
        await context.SaveChangesAsync();
        return new CustomerFixture(customerId, order.Value.Id, admin.Id, admin.UserName, CustomerPassword, number);
    }

    /// <summary>A personal access token for the user (created through the token service, as the API does).</summary>
    public static async Task<string> TokenAsync(VmsApp app, Guid userId)
    {
        var caller = await app.Services.GetRequiredService<CallerResolver>().ResolveAsync(userId, CancellationToken.None);
        var token = await app.Services.GetRequiredService<TokenService>().CreateAsync(caller!, new CreateTokenRequest("test", 30), CancellationToken.None);
        return token.Value!.Token;
    }
}
