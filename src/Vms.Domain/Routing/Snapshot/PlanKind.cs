namespace Vms.Domain.Routing.Snapshot;

/// <summary>The plans a number can carry; exactly one is active at a time.</summary>
public enum PlanKind
{
    Normal,
    Drs,
    Continuity,
}
