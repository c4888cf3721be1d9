namespace Vms.Domain.Tenancy;

/// <summary>
/// The one place that decides whether a service element is available to a customer now (F3). Every feature,
/// portal page, API endpoint and call path asks here.
/// </summary>
public static class EntitlementService
{
    /// <summary>The contract version in force at <paramref name="now"/> (the latest that started), or null.</summary>
    public static ContractVersionInfo? InForce(IEnumerable<ContractVersionInfo> versions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions
            .Where(v => v.ValidFrom <= now)
            .OrderByDescending(v => v.ValidFrom)
            .ThenByDescending(v => v.Version)
            .FirstOrDefault();
    }

    /// <summary>Whether <paramref name="element"/> is available under the contract history at <paramref name="now"/>.</summary>
    public static Availability Check(IEnumerable<ContractVersionInfo> versions, ServiceElement element, DateTimeOffset now)
    {
        var current = InForce(versions, now);
        if (current is null)
        {
            return new Availability(element, false, "The customer has no active contract.",
                "Order a formula that includes " + ServiceElementNames.Of(element) + ".");
        }

        if (current.EndsAt is { } end && end <= now)
        {
            return new Availability(element, false, "The customer's contract has ended.", "Order a new contract.");
        }

        return Check(current.Terms, element);
    }

    /// <summary>Whether <paramref name="element"/> is available under <paramref name="terms"/>.</summary>
    public static Availability Check(ContractTerms terms, ServiceElement element)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var name = ServiceElementNames.Of(element);
        var formula = ServiceElementNames.Of(terms.Formula);
        return EntitlementMatrix.Get(terms.Formula, element) switch
        {
            Entitlement.Included => Availability.Granted(element),
            Entitlement.Optional when terms.Options.Contains(element) => Availability.Granted(element),
            Entitlement.Optional => new Availability(element, false,
                $"{name} is an option of {formula} that this customer has not ordered.",
                $"Order the option \"{name}\"."),
            _ => new Availability(element, false,
                $"{name} is not available on {formula}.",
                "Order a formula that offers it: " + string.Join(" or ", EntitlementMatrix.FormulasOffering(element).Select(ServiceElementNames.Of)) + "."),
        };
    }
}
