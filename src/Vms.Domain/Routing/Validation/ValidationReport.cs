using Vms.Domain.Routing.Json;

namespace Vms.Domain.Routing.Validation;

/// <summary>Every problem of a tree, each with its JSON pointer; valid when there is none.</summary>
public sealed record ValidationReport(IReadOnlyList<RoutingProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
