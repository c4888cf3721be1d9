namespace Vms.Domain.Routing.Model;

/// <summary>Matches when the called number is one of <see cref="Numbers"/>.</summary>
public sealed record CalledRule
{
    public string? Label { get; init; }

    public IReadOnlyList<string> Numbers { get; init; } = [];

    public required string Next { get; init; }
}
