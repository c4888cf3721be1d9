using BenchmarkDotNet.Attributes;
using Vms.Domain.Routing.Snapshot;

namespace Vms.Domain.Benchmarks;

/// <summary>Snapshot rebuild for 10,000 customers × 5 trees (target &lt; 1 s).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private const int Customers = 10_000;
    private const int TreesPerCustomer = 5;

    private SnapshotSource _source = null!;
    private SnapshotSource _oneChanged = null!;
    private RoutingSnapshot _previous = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = new List<PublishedTree>(Customers * TreesPerCustomer);
        var assignments = new List<PlanAssignment>(Customers * TreesPerCustomer);
        for (var c = 0; c < Customers; c++)
        {
            var customer = Guid.NewGuid();
            for (var t = 0; t < TreesPerCustomer; t++)
            {
                var index = (c * TreesPerCustomer) + t;
                var tree = new PublishedTree(customer, Guid.NewGuid(), 1, BenchTrees.Small(index));
                trees.Add(tree);
                assignments.Add(new PlanAssignment($"+3250{index:D6}", PlanKind.Normal, tree.TreeId, true));
            }
        }

        _source = new SnapshotSource(trees, assignments);
        _previous = RoutingSnapshot.Build(_source);
        if (_previous.Problems.Count > 0 || _previous.PlanCount != Customers * TreesPerCustomer)
        {
            throw new InvalidOperationException(string.Join("; ", _previous.Problems.Take(3)));
        }

        var changed = trees.ToList();
        changed[123] = changed[123] with { Version = 2 };
        _oneChanged = new SnapshotSource(changed, assignments);
    }

    /// <summary>Everything from JSON: what a node does at start from the local file.</summary>
    [Benchmark]
    public int FullRebuildFromJson() => RoutingSnapshot.Build(_source).PlanCount;

    /// <summary>What a publish does: one tree recompiled, the others reused, the index rebuilt.</summary>
    [Benchmark]
    public int RebuildAfterPublish() => RoutingSnapshot.Build(_oneChanged, _previous).PlanCount;
}
