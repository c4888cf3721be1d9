namespace Vms.Data.Routing;

public sealed class RoutingTree : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
}
