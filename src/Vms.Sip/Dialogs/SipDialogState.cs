namespace Vms.Sip.Dialogs;

/// <summary>Dialog states (RFC 3261 §12).</summary>
public enum SipDialogState
{
    /// <summary>Created by a provisional response with a To tag.</summary>
    Early,

    /// <summary>Created or confirmed by a 2xx.</summary>
    Confirmed,

    /// <summary>Ended (BYE, non-2xx final for an early dialog, missing ACK, transport failure).</summary>
    Terminated,
}
