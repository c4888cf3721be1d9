namespace Vms.Domain.Tenancy;

/// <summary>One cell of the entitlement matrix (F2).</summary>
public enum Entitlement
{
    /// <summary>Not available on this formula ("—").</summary>
    NotAvailable,

    /// <summary>Included in the formula ("DEF").</summary>
    Included,

    /// <summary>An option the customer may order ("OPT").</summary>
    Optional,
}
