namespace Vms.Telephony;

/// <summary>Where a call stands, from the caller's point of view.</summary>
public enum CallState
{
    /// <summary>INVITE received, nothing final sent yet.</summary>
    Setup,

    /// <summary>Early media is flowing to the caller (183 with SDP).</summary>
    EarlyMedia,

    /// <summary>200 sent and acknowledged.</summary>
    Answered,

    /// <summary>Connected to a destination through the relay.</summary>
    Bridged,

    /// <summary>Over.</summary>
    Ended,
}
