namespace Vms.Server.Features.Routing;

/// <summary>A problem of a tree: JSON pointer, stable code, English message.</summary>
public sealed record RoutingProblemDto(string Path, string Code, string Message);
