namespace Vms.Server.Features.Routing;

/// <summary>A routing tree with every version and the JSON of its draft and published versions.</summary>
public sealed record TreeDetailDto(
    Guid Id,
    Guid CustomerId,
    string Name,
    IReadOnlyList<TreeVersionDto> Versions,
    string? DraftJson,
    string? PublishedJson,
    IReadOnlyList<PlanAssignmentDto> Assignments);
