namespace Vms.Server.Features.Routing;

/// <summary>One difference between two versions.</summary>
public sealed record TreeChangeDto(string Kind, string What, string? Before, string? After);
