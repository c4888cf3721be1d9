using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Routing.Snapshot;

/// <summary>How one number is routed: its customer, the plans it carries and which one is active.</summary>
public sealed record NumberRouting(
    string Number,
    Guid CustomerId,
    PlanKind ActiveKind,
    CompiledPlan? Normal,
    CompiledPlan? Drs,
    CompiledPlan? Continuity)
{
    /// <summary>True once an assignment marked active was seen (otherwise the normal plan is used).</summary>
    public bool HasActive { get; init; }

    public CompiledPlan? Active => ActiveKind switch
    {
        PlanKind.Drs => Drs,
        PlanKind.Continuity => Continuity,
        _ => Normal,
    };
}
