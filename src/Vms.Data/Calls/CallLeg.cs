namespace Vms.Data.Calls;

/// <summary>One outgoing leg of a call (billing B1/B2).</summary>
public sealed class CallLeg
{
    public Guid Id { get; set; }
    public Guid CallRecordId { get; set; }
    public string Destination { get; set; } = "";
    public DateTimeOffset SetupAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string Outcome { get; set; } = "";
    public int? SipCode { get; set; }
    public bool IsReroute { get; set; }
    public bool IsOtherOperator { get; set; }
    public CallRecord? CallRecord { get; set; }
}
