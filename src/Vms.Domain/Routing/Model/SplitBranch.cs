namespace Vms.Domain.Routing.Model;

/// <summary>A branch of a percentage split; its share is Weight / sum of weights.</summary>
public sealed record SplitBranch
{
    public string? Label { get; init; }

    public int Weight { get; init; }

    public required string Next { get; init; }
}
