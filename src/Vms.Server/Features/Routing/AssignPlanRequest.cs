namespace Vms.Server.Features.Routing;

/// <summary>Attaches a tree to one of the customer's numbers for a plan kind (normal by default).</summary>
public sealed record AssignPlanRequest(Guid NumberId, string? PlanKind = null, bool Activate = true);
