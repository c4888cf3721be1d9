namespace Vms.Server.Features.Routing;

/// <summary>A routing tree in a list: its published and draft versions and the numbers it serves.</summary>
public sealed record TreeSummaryDto(Guid Id, Guid CustomerId, string Name, int? PublishedVersion, int? DraftVersion, IReadOnlyList<string> Numbers);
