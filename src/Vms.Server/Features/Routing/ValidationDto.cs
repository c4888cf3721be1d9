namespace Vms.Server.Features.Routing;

/// <summary>The validation of one version: valid when there is no problem.</summary>
public sealed record ValidationDto(int Version, bool IsValid, IReadOnlyList<RoutingProblemDto> Problems);
