namespace Vms.Data.Identity;

/// <summary>One security or business event (who, what, when, on which customer).</summary>
public sealed class AuditEntry : IMaybeCustomerOwned
{
    public long Id { get; set; }
    public Guid? CustomerId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? RemoteAddress { get; set; }
}
