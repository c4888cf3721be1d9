namespace Vms.Domain.Routing.Model;

/// <summary>The caller id presented on a forwarded leg.</summary>
public enum PresentedCliKind
{
    /// <summary>The original caller's number (withheld stays withheld).</summary>
    Caller,

    /// <summary>The customer's number that was called.</summary>
    Called,

    /// <summary>A fixed number of the customer (<see cref="ForwardNode.PresentedNumber"/>).</summary>
    Number,
}
