using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Routing.Simulation;

/// <summary>The path a simulated call takes, how it ends, and the explanation of every decision.</summary>
public sealed record SimulationResult(
    IReadOnlyList<SimulatedStep> Steps,
    EndReason End,
    IReadOnlyList<string> Explanation,
    string? Problem = null);
