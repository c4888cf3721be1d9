namespace Vms.Telephony.Signalling;

/// <summary>
/// What an outgoing leg is placed with: the target (a number sent to the gateway, or a full SIP URI), who is
/// presented as the caller, the number that was called (for Diversion/History-Info), and the SDP offer.
/// </summary>
public sealed record DialRequest(string Target, string CallerNumber, string? DivertedFrom, ReadOnlyMemory<byte> Offer);
