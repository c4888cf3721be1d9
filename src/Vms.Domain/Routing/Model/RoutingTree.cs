namespace Vms.Domain.Routing.Model;

/// <summary>A customer's routing tree (one version's content). Stored as JSON (see RoutingTreeJson).</summary>
public sealed record RoutingTree
{
    public const string DefaultTimeZone = "Europe/Brussels";

    public string? Name { get; init; }

    /// <summary>IANA time zone of the time conditions.</summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    public HolidayCalendar Holidays { get; init; } = HolidayCalendar.Belgium;

    /// <summary>Customer-defined closing days (treated like public holidays).</summary>
    public IReadOnlyList<DateOnly> ClosingDays { get; init; } = [];

    public required string Root { get; init; }

    public IReadOnlyList<RoutingSite> Sites { get; init; } = [];

    public IReadOnlyList<RouteNode> Nodes { get; init; } = [];
}
