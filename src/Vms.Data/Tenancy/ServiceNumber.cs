using Vms.Domain.Numbers;

namespace Vms.Data.Tenancy;

/// <summary>A geographic number served for a customer (or one of its related entities).</summary>
public sealed class ServiceNumber : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? RelatedEntityId { get; set; }
    public string E164 { get; set; } = "";

    /// <summary>Equals <see cref="E164"/> while active, null after: a unique index keeps one customer at a time.</summary>
    public string? ActiveE164 { get; set; }

    public NumberServices Services { get; set; }
    public DateTimeOffset? CnipConsentAt { get; set; }
    public string? CnipConsentBy { get; set; }
    public NumberStatus Status { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? OrderId { get; set; }
}
