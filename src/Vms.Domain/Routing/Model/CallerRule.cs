namespace Vms.Domain.Routing.Model;

/// <summary>
/// One rule of a caller node: every criterion that is set must hold. Prefixes are E.164 ("+322") or national
/// ("02"); countries are ISO region codes ("BE"); zones are Belgian area codes ("02", "050"); list is a caller
/// list id.
/// </summary>
public sealed record CallerRule
{
    public string? Label { get; init; }

    /// <summary>True: matches only withheld CLIs; false: only presented CLIs; null: either.</summary>
    public bool? Withheld { get; init; }

    public IReadOnlyList<string> Prefixes { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Zones { get; init; } = [];

    public LineType? LineType { get; init; }

    public string? List { get; init; }

    public required string Next { get; init; }
}
