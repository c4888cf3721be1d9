namespace Vms.Server.Features.Routing;

/// <summary>A number's plan (normal, drs, continuity) served by a tree; one plan per number is active.</summary>
public sealed record PlanAssignmentDto(Guid NumberId, string Number, string PlanKind, Guid TreeId, bool IsActive);
