namespace Vms.Server.Features.Routing;

/// <summary>An uploaded prompt (referenced by name in trees).</summary>
public sealed record PromptDto(Guid Id, string Name, int DurationMs);
