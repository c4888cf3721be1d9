namespace Vms.Domain.Routing.Snapshot;

/// <summary>A number's plan of one kind; <see cref="IsActive"/> marks the one in force.</summary>
public sealed record PlanAssignment(string Number, PlanKind Kind, Guid TreeId, bool IsActive);
