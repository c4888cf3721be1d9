using Vms.Domain.Routing.Json;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>The compiled plan, or the problems that prevented compiling it.</summary>
public sealed record CompileResult(CompiledPlan? Plan, IReadOnlyList<RoutingProblem> Problems)
{
    public bool Succeeded => Plan is not null;
}
