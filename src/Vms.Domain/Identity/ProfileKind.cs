namespace Vms.Domain.Identity;

/// <summary>Who may change a profile (P2, P4).</summary>
public enum ProfileKind
{
    /// <summary>Defined by the customer's administrators.</summary>
    Custom,

    /// <summary>Administrator, supervisor, agent, read-only: created with the customer, rights fixed.</summary>
    BuiltIn,

    /// <summary>BGC-ADMIN, BGC-RO, BGC-RW: the operator's support profiles; no customer user may change them.</summary>
    OperatorSupport,

    /// <summary>A profile of operator staff (no customer).</summary>
    Operator,
}
