using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vms.E2E.Tests.Infrastructure;
using Vms.Server.Features.Account;
using Vms.Server.Features.Common;
using Vms.Server.Features.Customers;
using Vms.Server.Features.Orders;
using Vms.Server.Hosting;

namespace Vms.E2E.Tests.Routing;

/// <summary>An activated Classic customer whose administrator can sign in with a known password.</summary>
internal static class RoutingCustomer
{
    public const string Password = "Routing-Admin-Pa55word!";

    public static async Task<string> CreateAsync(PortalServer server, string name, string number)
    {
        var services = server.Services;
        Guid customerId;
        await using (var system = services.GetRequiredService<VmsDb>().ForSystem())
        {
            var adminId = (await system.Users.SingleAsync(u => u.UserName == DemoSeeder.AdminUserName)).Id;
            var op = (await services.GetRequiredService<CallerResolver>().ResolveAsync(adminId, CancellationToken.None))!;
            var customer = await services.GetRequiredService<CustomerService>().CreateAsync(op, new CreateCustomerRequest(name, null), CancellationToken.None);
            Assert.True(customer.IsOk, customer.Reason);
            customerId = customer.Value!.Id;
            var email = $"admin@{OperatorSteps.Domain(name)}";
            var order = await services.GetRequiredService<OrderService>().CreateAsync(op, new CreateOrderRequest(
                customer.Value!.Id, "Classic", [], new ContactDto("Contact", email, null),
                [new AuthorisedPersonInput("Admin " + name, email, true)],
                [], [new OrderNumberInput(number, null, false, null)]), CancellationToken.None);
            Assert.True(order.IsOk, string.Join("; ", order.Errors.Select(e => e.Field + ": " + e.Message)));
            Assert.True((await services.GetRequiredService<OrderActivation>().ActivateAsync(op, order.Value!.Id, CancellationToken.None)).IsOk);
        }

        await using var context = services.GetRequiredService<VmsDb>().ForSystem();
        var user = await context.Users.SingleAsync(u => u.CustomerId == customerId);
        user.PasswordHash = services.GetRequiredService<PasswordHasher>().Hash(Password);
        user.MustChangePassword = false;
        await context.SaveChangesAsync();
        return user.UserName;
    }
}
