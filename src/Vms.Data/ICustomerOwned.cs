namespace Vms.Data;

/// <summary>An entity that belongs to exactly one customer; the tenant filter keys on it.</summary>
public interface ICustomerOwned
{
    Guid CustomerId { get; }
}
