namespace Vms.Domain.Identity;

/// <summary>The profiles created with every customer (P2, P4) and the operator's own.</summary>
public static class StandardProfiles
{
    public const string Administrator = "administrator";
    public const string Supervisor = "supervisor";
    public const string Agent = "agent";
    public const string ReadOnly = "read-only";
    public const string BgcAdmin = "BGC-ADMIN";
    public const string BgcReadOnly = "BGC-RO";
    public const string BgcReadWrite = "BGC-RW";
    public const string OperatorAdministrator = "operator-administrator";
    public const string OperatorReadOnly = "operator-read-only";

    private const Rights Read = Rights.ViewContract | Rights.ViewRouting | Rights.ViewStatistics | Rights.ViewRecordings;

    public static IReadOnlyList<ProfileDefinition> ForCustomer { get; } =
    [
        new(Administrator, Rights.AllCustomer, ProfileKind.BuiltIn),
        new(Supervisor, Read | Rights.EditRouting | Rights.ActivateRouting | Rights.Supervise | Rights.AgentDesk | Rights.ManageCampaigns, ProfileKind.BuiltIn),
        new(Agent, Rights.AgentDesk, ProfileKind.BuiltIn),
        new(ReadOnly, Read, ProfileKind.BuiltIn),
        new(BgcAdmin, Rights.AllCustomer, ProfileKind.OperatorSupport),
        new(BgcReadOnly, Read | Rights.ViewAudit, ProfileKind.OperatorSupport),
        new(BgcReadWrite, Read | Rights.ViewAudit | Rights.EditRouting | Rights.ActivateRouting | Rights.ManageCampaigns | Rights.ManageRecordings, ProfileKind.OperatorSupport),
    ];

    public static IReadOnlyList<ProfileDefinition> ForOperator { get; } =
    [
        new(OperatorAdministrator, Rights.AllCustomer | Rights.OperatorRead | Rights.OperatorManage, ProfileKind.Operator),
        new(OperatorReadOnly, Read | Rights.ViewAudit | Rights.OperatorRead, ProfileKind.Operator),
    ];
}
