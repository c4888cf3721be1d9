namespace Vms.Data.Calls;

/// <summary>One inbound or outbound call (append-only).</summary>
public sealed class CallRecord : ICustomerOwned
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string CalledNumber { get; set; } = "";
    public string CallingNumber { get; set; } = "";
    public DateTimeOffset SetupAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string Outcome { get; set; } = "";
    public int? SipCode { get; set; }
    public string RouteTrace { get; set; } = "";
    public string NodeId { get; set; } = "";
}
