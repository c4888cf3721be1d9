using Vms.Domain.Tenancy;

namespace Vms.Data.Tenancy;

/// <summary>One version of a customer's contract (F4): a new row per change, never updated.</summary>
public sealed class ContractVersion : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public int Version { get; set; }
    public Formula Formula { get; set; }
    public long OptionBits { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public Guid? OrderId { get; set; }
    public string? Reason { get; set; }

    public ContractVersionInfo ToInfo() => new(Version, new ContractTerms(Formula, ContractTerms.FromBits(OptionBits)), ValidFrom, EndsAt);
}
