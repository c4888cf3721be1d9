using Vms.Domain.Identity;

namespace Vms.Data.Identity;

/// <summary>A named set of rights of one customer (or of the operator when <see cref="CustomerId"/> is null).</summary>
public sealed class Profile : IMaybeCustomerOwned
{
    public Guid Id { get; set; }
    public Guid? CustomerId { get; set; }
    public string Name { get; set; } = "";
    public Rights Rights { get; set; }
    public ProfileKind Kind { get; set; }
}
