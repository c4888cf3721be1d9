using Vms.Domain.Routing.Evaluation;
using Vms.Domain.Routing.Json;
using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Snapshot;

/// <summary>
/// The published configuration, immutable: number (E.164) → active plan → compiled tree. Rebuilt on every publish
/// (compiled plans of unchanged tree versions are reused from the previous snapshot), swapped atomically by the
/// host, and saved to a local file (<see cref="SnapshotFile"/>) so that a restarted node routes calls while the
/// database is down (NFR2). A tree that fails to compile is left out and reported in <see cref="Problems"/>.
/// The dictionaries are never written after construction, so concurrent reads are safe.
/// </summary>
public sealed class RoutingSnapshot
{
    private readonly Dictionary<string, NumberRouting> _numbers;
    private readonly Dictionary<(Guid Tree, int Version), CompiledPlan> _plans;

    private RoutingSnapshot(SnapshotSource source, Dictionary<string, NumberRouting> numbers,
        Dictionary<(Guid Tree, int Version), CompiledPlan> plans, IReadOnlyList<string> problems)
    {
        Source = source;
        _numbers = numbers;
        _plans = plans;
        Problems = problems;
    }

    public static RoutingSnapshot Empty { get; } = Build(new SnapshotSource([], []));

    public SnapshotSource Source { get; }

    public IReadOnlyList<string> Problems { get; }

    public int NumberCount => _numbers.Count;

    public int PlanCount => _plans.Count;

    public bool TryGet(string calledNumber, out NumberRouting routing)
    {
        if (_numbers.TryGetValue(calledNumber, out routing!))
        {
            return true;
        }

        var normalised = NumberAnalysis.NormalisePrefix(calledNumber);
        return normalised is not null && _numbers.TryGetValue(normalised, out routing!);
    }

    /// <summary>Builds a snapshot; plans of (tree, version) pairs already in <paramref name="previous"/> are reused.</summary>
    public static RoutingSnapshot Build(SnapshotSource source, RoutingSnapshot? previous = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<string>();
        var compiled = new CompiledPlan?[source.Trees.Count];
        var errors = new string?[source.Trees.Count];
        Parallel.For(0, source.Trees.Count, i =>
        {
            var tree = source.Trees[i];
            if (previous is not null && previous._plans.TryGetValue((tree.TreeId, tree.Version), out var reused))
            {
                compiled[i] = reused;
                return;
            }

            var read = RoutingTreeJson.Read(tree.Json);
            if (read.Tree is null)
            {
                errors[i] = $"Tree {tree.TreeId} v{tree.Version}: {read.Problems[0]}";
                return;
            }

            var result = RoutePlanCompiler.Compile(read.Tree, tree.CustomerId);
            compiled[i] = result.Plan;
            errors[i] = result.Plan is null ? $"Tree {tree.TreeId} v{tree.Version}: {result.Problems[0]}" : null;
        });

        var plans = new Dictionary<(Guid Tree, int Version), CompiledPlan>(compiled.Length);
        var byTree = new Dictionary<Guid, CompiledPlan>(compiled.Length);
        for (var i = 0; i < compiled.Length; i++)
        {
            if (compiled[i] is { } plan)
            {
                plans[(source.Trees[i].TreeId, source.Trees[i].Version)] = plan;
                byTree[source.Trees[i].TreeId] = plan;
            }
            else if (errors[i] is { } error)
            {
                problems.Add(error);
            }
        }

        var numbers = new Dictionary<string, NumberRouting>(source.Assignments.Count, StringComparer.Ordinal);
        foreach (var a in source.Assignments)
        {
            var number = NumberAnalysis.NormalisePrefix(a.Number) ?? a.Number;
            var plan = byTree.GetValueOrDefault(a.TreeId);
            if (!numbers.TryGetValue(number, out var routing))
            {
                routing = new NumberRouting(number, plan?.CustomerId ?? Guid.Empty, PlanKind.Normal, null, null, null);
            }
            else if (a.IsActive && routing.HasActive)
            {
                problems.Add($"Number {number}: several active plans; using {routing.ActiveKind}.");
            }

            routing = a.Kind switch
            {
                PlanKind.Drs => routing with { Drs = plan },
                PlanKind.Continuity => routing with { Continuity = plan },
                _ => routing with { Normal = plan },
            };
            if (a.IsActive && !routing.HasActive)
            {
                routing = routing with { ActiveKind = a.Kind, HasActive = true };
            }

            if (routing.CustomerId == Guid.Empty && plan is not null)
            {
                routing = routing with { CustomerId = plan.CustomerId };
            }

            numbers[number] = routing;
        }

        return new RoutingSnapshot(source, numbers, plans, problems);
    }
}
