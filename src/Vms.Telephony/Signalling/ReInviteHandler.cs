namespace Vms.Telephony.Signalling;

/// <summary>Handles an in-dialog re-INVITE (hold/unhold) with its SDP offer; returns the answer to send (200 with SDP or an error).</summary>
public delegate Task<SipAnswer> ReInviteHandler(ReadOnlyMemory<byte> offer, CancellationToken cancellationToken);
