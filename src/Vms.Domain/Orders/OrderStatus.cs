namespace Vms.Domain.Orders;

/// <summary>Where an order stands (IMP1, IMP2).</summary>
public enum OrderStatus
{
    Submitted,
    Delayed,
    Activated,
}
