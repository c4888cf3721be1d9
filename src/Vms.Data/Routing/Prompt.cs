namespace Vms.Data.Routing;

public sealed class Prompt : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public int DurationMs { get; set; }
}
