using Vms.Domain.Routing.Snapshot;
using Vms.Server.Features.Calls.Routing;

namespace Vms.Server.Tests.Calls;

/// <summary>A published snapshot built from tree JSON, as the routing feature would publish it.</summary>
internal sealed class FakeSnapshotProvider : IRoutingSnapshotProvider
{
    public RoutingSnapshot Current { get; set; } = RoutingSnapshot.Empty;

    public static FakeSnapshotProvider For(Guid customer, string number, string treeJson, PlanKind kind = PlanKind.Normal, bool active = true)
    {
        var tree = Guid.NewGuid();
        var source = new SnapshotSource([new PublishedTree(customer, tree, 1, treeJson)], [new PlanAssignment(number, kind, tree, active)]);
        var snapshot = RoutingSnapshot.Build(source);
        Assert.True(snapshot.Problems.Count == 0, string.Join("\n", snapshot.Problems));
        return new FakeSnapshotProvider { Current = snapshot };
    }
}
