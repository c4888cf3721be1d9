namespace Vms.Server.Features.Portal;

/// <summary>Which part of the portal a navigation entry belongs to.</summary>
public enum PortalArea
{
    /// <summary>The operator's back office (operator staff only).</summary>
    Operator,

    /// <summary>The customer area (users of one customer).</summary>
    Customer,
}
