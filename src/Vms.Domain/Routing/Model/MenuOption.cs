namespace Vms.Domain.Routing.Model;

/// <summary>A DTMF menu choice: one key (0-9, * or #).</summary>
public sealed record MenuOption
{
    public string? Label { get; init; }

    public required char Digit { get; init; }

    public required string Next { get; init; }
}
