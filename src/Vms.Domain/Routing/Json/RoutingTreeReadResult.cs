using Vms.Domain.Routing.Model;

namespace Vms.Domain.Routing.Json;

/// <summary>The tree when the JSON could be read, and every problem found (empty when it is clean).</summary>
public sealed record RoutingTreeReadResult(RoutingTree? Tree, IReadOnlyList<RoutingProblem> Problems)
{
    public bool Succeeded => Tree is not null && Problems.Count == 0;
}
