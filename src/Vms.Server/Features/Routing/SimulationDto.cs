namespace Vms.Server.Features.Routing;

/// <summary>The path of a simulated call, how it ends and why.</summary>
public sealed record SimulationDto(int Version, IReadOnlyList<SimulatedStepDto> Steps, string End, IReadOnlyList<string> Explanation);
