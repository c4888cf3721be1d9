namespace Vms.Domain.Routing.Snapshot;

/// <summary>The published version of one tree, as the snapshot needs it.</summary>
public sealed record PublishedTree(Guid CustomerId, Guid TreeId, int Version, string Json);
