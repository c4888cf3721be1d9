using Vms.Domain.Identity;

namespace Vms.Server.Features.Common;

/// <summary>
/// Who is asking: a user of one customer, or operator staff (<see cref="CustomerId"/> null), with the rights of
/// all their profiles. Every application service takes one.
/// </summary>
public sealed record Caller(Guid UserId, string UserName, Guid? CustomerId, Rights Rights)
{
    public bool IsOperator => CustomerId is null && Has(Rights.OperatorRead);

    public bool Has(Rights rights) => (Rights & rights) == rights;

    /// <summary>Whether the caller may see the given customer's data at all.</summary>
    public bool CanSee(Guid customerId) => CustomerId == customerId || (CustomerId is null && Has(Rights.OperatorRead));

    /// <summary>Whether the caller holds <paramref name="rights"/> on <paramref name="customerId"/>.</summary>
    public bool Can(Guid customerId, Rights rights) =>
        (CustomerId == customerId && Has(rights)) || (CustomerId is null && Has(Rights.OperatorManage));
}
