namespace Vms.Telephony.Signalling;

/// <summary>Handles an in-dialog REFER: true to accept it (202, the transfer is carried out), false to refuse (403).</summary>
public delegate bool ReferHandler(TransferRequest request);
