using Vms.Domain.Orders;
using Vms.Domain.Tenancy;

namespace Vms.Data.Orders;

/// <summary>An order (IMP1) and its activation (IMP2).</summary>
public sealed class Order : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Formula Formula { get; set; }
    public long OptionBits { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string? ContactPhone { get; set; }
    public OrderStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateOnly TargetDate { get; set; }
    public string? DelayReason { get; set; }
    public DateOnly? DelayedUntil { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public string? ActivatedBy { get; set; }
}
