namespace Vms.Data.Orders;

/// <summary>The PDF welcome letter of a Voice Continuity activation (IMP3).</summary>
public sealed class WelcomeLetter : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid OrderId { get; set; }
    public string Recipient { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public byte[] Pdf { get; set; } = [];
}
