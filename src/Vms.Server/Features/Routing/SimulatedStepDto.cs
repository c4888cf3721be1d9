namespace Vms.Server.Features.Routing;

/// <summary>One step of a simulated call and the outcome assumed for it.</summary>
public sealed record SimulatedStepDto(string Kind, string? NodeId, string Description, string? Outcome);
