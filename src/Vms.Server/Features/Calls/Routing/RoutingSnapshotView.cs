using Vms.Domain.Routing.Snapshot;

namespace Vms.Server.Features.Calls.Routing;

/// <summary>Questions the call records ask of the snapshot: is a destination one of our own numbers (on-net)?</summary>
internal readonly record struct RoutingSnapshotView(RoutingSnapshot Snapshot)
{
    public bool IsOnNet(string number) => Snapshot.TryGet(number, out _);
}
