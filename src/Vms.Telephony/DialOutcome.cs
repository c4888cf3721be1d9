namespace Vms.Telephony;

/// <summary>How an outgoing leg ended its setup.</summary>
public enum DialOutcome
{
    /// <summary>The destination answered (2xx).</summary>
    Answered,

    /// <summary>486 Busy Here or 600 Busy Everywhere.</summary>
    Busy,

    /// <summary>Nobody answered before the ring timeout (VMS sent CANCEL), or 408/480.</summary>
    NoAnswer,

    /// <summary>Unreachable: transport error, timeout without any response, 5xx, or another final error.</summary>
    Failed,

    /// <summary>The caller hung up (CANCEL or BYE) while the destination rang.</summary>
    Cancelled,
}
