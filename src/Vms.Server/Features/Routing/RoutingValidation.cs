using Microsoft.EntityFrameworkCore;
using Vms.Data;
using Vms.Domain.Routing.Model;
using Vms.Domain.Routing.Validation;

namespace Vms.Server.Features.Routing;

/// <summary>Validates a tree against what the customer has: uploaded prompts, caller lists, ACM entitlement.</summary>
internal static class RoutingValidation
{
    public static async Task<ValidationReport> ValidateAsync(VmsDbContext context, RoutingAccess access, Guid customerId,
        RoutingTree tree, CancellationToken cancellationToken)
    {
        var prompts = await context.Prompts.AsNoTracking().Where(p => p.CustomerId == customerId).Select(p => p.Name).ToListAsync(cancellationToken);
        var lists = await context.CallerLists.AsNoTracking().Where(l => l.CustomerId == customerId).Select(l => l.Name).ToListAsync(cancellationToken);
        var options = new ValidationOptions
        {
            Entitlements = await access.ElementsAsync(customerId, cancellationToken),
            KnownPrompts = prompts.ToHashSet(StringComparer.Ordinal),
            KnownCallerLists = lists.ToHashSet(StringComparer.Ordinal),
        };
        return RoutingTreeValidator.Validate(tree, options);
    }
}
