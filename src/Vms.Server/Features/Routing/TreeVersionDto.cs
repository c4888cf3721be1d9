namespace Vms.Server.Features.Routing;

/// <summary>One version of a routing tree: number, state (draft, published, archived), who and when.</summary>
public sealed record TreeVersionDto(int Number, string State, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);
