using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Snapshot;

namespace Vms.Domain.Tests.Routing;

public class RoutingSnapshotTests
{
    private static readonly Guid Normal = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Drs = Guid.Parse("00000000-0000-0000-0000-0000000000a2");

    private static SnapshotSource Source(bool drsActive) => new(
        [
            new PublishedTree(TestTrees.Customer, Normal, 3, TestTrees.Office),
            new PublishedTree(TestTrees.Customer, Drs, 1, TestTrees.Menu),
        ],
        [
            new PlanAssignment("02 211 00 00", PlanKind.Normal, Normal, !drsActive),
            new PlanAssignment("+3222110000", PlanKind.Drs, Drs, drsActive),
        ]);

    [Fact]
    public void Build_IndexesNumberToActivePlan()
    {
        var snapshot = RoutingSnapshot.Build(Source(drsActive: false));

        Assert.True(snapshot.TryGet("+3222110000", out var routing));
        Assert.Equal(PlanKind.Normal, routing.ActiveKind);
        Assert.Equal("Office", routing.Active!.Source.Name);
        Assert.NotNull(routing.Drs);
        Assert.Equal(TestTrees.Customer, routing.CustomerId);
        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public void Build_DrsActive_RoutesOnDrsPlan()
    {
        var snapshot = RoutingSnapshot.Build(Source(drsActive: true));

        Assert.True(snapshot.TryGet("022110000", out var routing));
        Assert.Equal(PlanKind.Drs, routing.ActiveKind);
        Assert.Equal(StepKind.CollectDigit,
            RouteEvaluation.Start(routing.Active!, TestTrees.Call("2026-11-30T09:00:00Z", null)).Current.Kind);
    }

    [Fact]
    public void Build_WithPrevious_ReusesUnchangedPlans()
    {
        var first = RoutingSnapshot.Build(Source(false));
        var second = RoutingSnapshot.Build(Source(true), first);

        first.TryGet("+3222110000", out var a);
        second.TryGet("+3222110000", out var b);
        Assert.Same(a.Normal, b.Normal);
    }

    [Fact]
    public void Build_BrokenTree_LeftOutAndReported()
    {
        var source = new SnapshotSource(
            [new PublishedTree(TestTrees.Customer, Normal, 1, "{ not json")],
            [new PlanAssignment("+3222110000", PlanKind.Normal, Normal, true)]);

        var snapshot = RoutingSnapshot.Build(source);

        Assert.Single(snapshot.Problems);
        Assert.True(snapshot.TryGet("+3222110000", out var routing));
        Assert.Null(routing.Active);
    }

    [Fact]
    public void SnapshotFile_RoundTrip_RoutesTheSame()
    {
        var bytes = SnapshotFile.Serialize(Source(false));

        var loaded = SnapshotFile.Deserialize(bytes, out var error);

        Assert.Null(error);
        var snapshot = RoutingSnapshot.Build(loaded!);
        Assert.True(snapshot.TryGet("+3222110000", out var routing));
        Assert.Equal("Office", routing.Active!.Source.Name);
        Assert.Equal(2, snapshot.PlanCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"formatVersion\": 2}")]
    [InlineData("{\"formatVersion\": 1, \"trees\": 5}")]
    [InlineData("{\"formatVersion\": 1, \"trees\": [], \"assignments\": [{\"number\": \"1\", \"kind\": \"Moon\", \"treeId\": \"x\", \"isActive\": true}]}")]
    public void SnapshotFile_Corrupt_ReturnsReason(string text)
    {
        var loaded = SnapshotFile.Deserialize(System.Text.Encoding.UTF8.GetBytes(text), out var error);

        Assert.Null(loaded);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
