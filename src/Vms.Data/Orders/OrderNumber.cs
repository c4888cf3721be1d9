using Vms.Domain.Numbers;

namespace Vms.Data.Orders;

/// <summary>A number named on an order, served from activation on.</summary>
public sealed class OrderNumber : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid CustomerId { get; set; }
    public string E164 { get; set; } = "";
    public NumberServices Services { get; set; }
    public bool CnipRemovalConsented { get; set; }
    public Guid? RelatedEntityId { get; set; }
}
