namespace Vms.Data.Tenancy;

/// <summary>A legal entity the customer controls, named on an order with proof (IMP5).</summary>
public sealed class RelatedEntity : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? OrderId { get; set; }
    public string Name { get; set; } = "";
    public string? CompanyNumber { get; set; }
    public string Proof { get; set; } = "";
}
