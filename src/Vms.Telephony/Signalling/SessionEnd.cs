namespace Vms.Telephony.Signalling;

/// <summary>Why a SIP session ended from the far side.</summary>
public enum SessionEnd
{
    /// <summary>Still up.</summary>
    None,

    /// <summary>The caller sent CANCEL before the call was answered.</summary>
    Cancelled,

    /// <summary>The peer sent BYE.</summary>
    Bye,

    /// <summary>No ACK, transport failure or timeout: the dialog is gone.</summary>
    Failed,
}
