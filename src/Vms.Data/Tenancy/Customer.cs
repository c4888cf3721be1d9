namespace Vms.Data.Tenancy;

public sealed class Customer
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? CompanyNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDemo { get; set; }
    public List<ContractVersion> ContractVersions { get; } = [];
}
