namespace Vms.Data.Tenancy;

/// <summary>A person named on an order as authorised (P5): only they may get portal accounts.</summary>
public sealed class AuthorisedPerson : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? OrderId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public bool IsAdministrator { get; set; }
}
