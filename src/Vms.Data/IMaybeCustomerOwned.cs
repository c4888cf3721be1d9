namespace Vms.Data;

/// <summary>An entity that belongs to one customer or to the operator (null); the tenant filter keys on it.</summary>
public interface IMaybeCustomerOwned
{
    Guid? CustomerId { get; }
}
