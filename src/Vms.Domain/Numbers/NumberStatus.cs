namespace Vms.Domain.Numbers;

/// <summary>The life of a number on VMS.</summary>
public enum NumberStatus
{
    /// <summary>Served by VMS for its customer.</summary>
    Active,

    /// <summary>Ported to another operator: the service on it has ended (IMP4).</summary>
    PortedOut,

    /// <summary>Removed from the customer's service.</summary>
    Released,
}
