namespace Vms.Telephony.Signalling;

/// <summary>
/// A blind transfer asked of the call: the Refer-To URI as received ("sip:+3247…@host", "tel:+3247…"), and where to
/// report how it goes (null for a transfer VMS starts itself).
/// </summary>
public sealed record TransferRequest(string Target, ITransferProgress? Progress);
