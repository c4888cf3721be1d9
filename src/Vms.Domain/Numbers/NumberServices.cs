namespace Vms.Domain.Numbers;

/// <summary>Services on a number that forbid VMS on it (IMP4).</summary>
[Flags]
public enum NumberServices
{
    None = 0,

    /// <summary>Calling Number Identification Presentation (may be removed with the customer's consent).</summary>
    Cnip = 1,

    /// <summary>Enterprise Office switch.</summary>
    EnterpriseOfficeSwitch = 2,

    /// <summary>One Company Number.</summary>
    OneCompanyNumber = 4,
}
