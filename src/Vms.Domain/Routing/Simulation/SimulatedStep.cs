using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Routing.Simulation;

/// <summary>One step of a simulated call and the outcome assumed for it (null for final steps).</summary>
public sealed record SimulatedStep(StepKind Kind, string? NodeId, string Description, OutcomeKind? Outcome);
