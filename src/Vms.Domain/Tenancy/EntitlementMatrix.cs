namespace Vms.Domain.Tenancy;

/// <summary>The entitlement matrix of REQUIREMENTS F2, cell for cell.</summary>
public static class EntitlementMatrix
{
    private const Entitlement D = Entitlement.Included;
    private const Entitlement O = Entitlement.Optional;
    private const Entitlement N = Entitlement.NotAvailable;

    // Columns: Classic, DRS, Voice Continuity, Outbound.
    private static readonly Entitlement[][] Rows =
    [
        /* TrafficRoutingManagement   */ [D, D, D, N],
        /* AgentContactManagement     */ [O, O, O, N],
        /* OutboundCampaigns          */ [N, N, N, D],
        /* VoiceRecording             */ [O, N, N, N],
        /* StatisticsPortal           */ [O, N, N, O],
        /* MobileApp                  */ [N, N, D, N],
        /* ConfigurationAndActivation */ [D, D, D, D],
        /* ServiceDesk                */ [D, D, D, D],
        /* StandardChanges            */ [O, O, O, O],
        /* SelfConfiguration          */ [D, D, D, D],
        /* IncidentWindow             */ [D, D, D, D],
        /* ChangeWindow               */ [N, D, D, N],
    ];

    /// <summary>What the formula says about the service element.</summary>
    public static Entitlement Get(Formula formula, ServiceElement element) => Rows[(int)element][(int)formula];

    /// <summary>The options a customer may order on the formula.</summary>
    public static IReadOnlyList<ServiceElement> OptionsOf(Formula formula) =>
        [.. Enum.GetValues<ServiceElement>().Where(e => Get(formula, e) == Entitlement.Optional)];

    /// <summary>The formulas on which the element is included or may be ordered.</summary>
    public static IReadOnlyList<Formula> FormulasOffering(ServiceElement element) =>
        [.. Enum.GetValues<Formula>().Where(f => Get(f, element) != Entitlement.NotAvailable)];
}
