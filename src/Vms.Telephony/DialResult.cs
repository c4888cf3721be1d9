namespace Vms.Telephony;

/// <summary>The outcome of dialling a destination: on <see cref="DialOutcome.Answered"/> the leg to bridge.</summary>
public sealed record DialResult(DialOutcome Outcome, int SipStatus, string Reason, OutboundLeg? Leg, DateTimeOffset StartedAt, DateTimeOffset EndedAt)
{
    /// <summary>The Call-ID of the outgoing leg (for the SIP ladder), null when no INVITE was sent.</summary>
    public string? LegCallId { get; init; }
}
