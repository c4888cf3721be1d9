namespace Vms.Domain.Identity;

/// <summary>What a user may do. Customer rights apply to the user's own customer; operator rights to all.</summary>
[Flags]
public enum Rights : long
{
    None = 0,
    ViewContract = 1 << 0,
    ManageUsers = 1 << 1,
    ManageProfiles = 1 << 2,
    ViewRouting = 1 << 3,
    EditRouting = 1 << 4,
    ActivateRouting = 1 << 5,
    ViewStatistics = 1 << 6,
    AgentDesk = 1 << 7,
    Supervise = 1 << 8,
    ViewAudit = 1 << 9,
    ViewRecordings = 1 << 10,
    ManageRecordings = 1 << 11,
    ManageCampaigns = 1 << 12,

    /// <summary>Every right a customer profile can hold.</summary>
    AllCustomer = (1 << 13) - 1,

    /// <summary>Operator staff: read everything of every customer.</summary>
    OperatorRead = 1L << 32,

    /// <summary>Operator staff: customers, orders, activation, numbers, users.</summary>
    OperatorManage = 1L << 33,
}
