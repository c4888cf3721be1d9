namespace Vms.Domain.Routing.Versions;

/// <summary>One version of a routing tree as stored (the content is the tree JSON); who and when.</summary>
public sealed record TreeVersion(
    int Number,
    TreeVersionState State,
    string Json,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);
