using Vms.Data.Tenancy;

namespace Vms.Data.Routing;

/// <summary>Which tree serves a number for a plan, and whether that plan is the active one.</summary>
public sealed class NumberPlanAssignment
{
    public Guid NumberId { get; set; }
    public PlanKind PlanKind { get; set; }
    public Guid TreeId { get; set; }
    public bool IsActive { get; set; }
    public ServiceNumber? Number { get; set; }
}
