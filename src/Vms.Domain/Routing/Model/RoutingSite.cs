namespace Vms.Domain.Routing.Model;

/// <summary>A named group of destinations that can be marked down in one action (TRM5).</summary>
public sealed record RoutingSite
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Maximum simultaneous calls over all destinations of the site (null: unlimited).</summary>
    public int? MaxCalls { get; init; }
}
