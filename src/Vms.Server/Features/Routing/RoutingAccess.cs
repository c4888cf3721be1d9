using Vms.Domain.Identity;
using Vms.Domain.Tenancy;
using Vms.Server.Features.Common;
using Vms.Server.Features.Customers;

namespace Vms.Server.Features.Routing;

/// <summary>
/// Who may do what with routing: the customer's users with ViewRouting / EditRouting / ActivateRouting, operator
/// staff (read, or manage) — and only while the contract includes TRM (F3), with a message naming what to order.
/// </summary>
public sealed class RoutingAccess(EntitlementChecker entitlements)
{
    /// <summary>Null when allowed; otherwise the failure to return.</summary>
    public async Task<Outcome<T>?> RefuseAsync<T>(Caller caller, Guid customerId, Rights right, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CanSee(customerId))
        {
            return Outcome<T>.NotFound();
        }

        var allowed = caller.CustomerId is null
            ? right == Rights.ViewRouting ? caller.Has(Rights.OperatorRead) : caller.Has(Rights.OperatorManage)
            : caller.Has(right);
        if (!allowed)
        {
            return Outcome<T>.Forbidden($"Your profile lacks the right {right}.");
        }

        var trm = await entitlements.CheckAsync(customerId, ServiceElement.TrafficRoutingManagement, cancellationToken);
        return trm.IsAvailable
            ? null
            : Outcome<T>.Forbidden(trm.Reason ?? $"Traffic Routing Management is not in your contract: order {trm.WhatToOrder}.");
    }

    /// <summary>The service elements that matter to validation (ACM) that the customer has now.</summary>
    public async Task<HashSet<ServiceElement>> ElementsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var elements = new HashSet<ServiceElement> { ServiceElement.TrafficRoutingManagement };
        if ((await entitlements.CheckAsync(customerId, ServiceElement.AgentContactManagement, cancellationToken)).IsAvailable)
        {
            elements.Add(ServiceElement.AgentContactManagement);
        }

        return elements;
    }
}
