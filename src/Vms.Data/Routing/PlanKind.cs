namespace Vms.Data.Routing;

/// <summary>Which plan of a number a tree serves.</summary>
public enum PlanKind
{
    Normal,
    Drs,
    Continuity,
}
