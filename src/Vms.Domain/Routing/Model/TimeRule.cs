namespace Vms.Domain.Routing.Model;

/// <summary>
/// One rule of a time node: all given criteria must hold (local wall time of the tree's time zone).
/// <see cref="From"/> after <see cref="To"/> means "over midnight".
/// </summary>
public sealed record TimeRule
{
    public string? Label { get; init; }

    /// <summary>Days of week; empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public TimeOnly? From { get; init; }

    public TimeOnly? To { get; init; }

    public DateOnly? DateFrom { get; init; }

    public DateOnly? DateTo { get; init; }

    public required string Next { get; init; }
}
