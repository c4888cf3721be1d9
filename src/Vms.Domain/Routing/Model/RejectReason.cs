namespace Vms.Domain.Routing.Model;

/// <summary>How a rejected call is refused.</summary>
public enum RejectReason
{
    /// <summary>486 Busy Here.</summary>
    Busy,

    /// <summary>603 Decline.</summary>
    Rejected,

    /// <summary>480 Temporarily Unavailable.</summary>
    Unavailable,
}
