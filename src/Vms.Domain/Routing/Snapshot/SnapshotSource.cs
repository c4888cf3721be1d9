namespace Vms.Domain.Routing.Snapshot;

/// <summary>Everything a snapshot is built from (read from the database, or from the local file).</summary>
public sealed record SnapshotSource(IReadOnlyList<PublishedTree> Trees, IReadOnlyList<PlanAssignment> Assignments);
