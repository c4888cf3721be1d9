namespace Vms.Server.Features.Routing;

/// <summary>
/// A simulated call: caller (empty = withheld), called number, local date/time in the tree's time zone, keys
/// pressed in order ("timeout" for none), the outcome to assume per forward node id (answered, busy, noAnswer,
/// failed), the caller lists the caller is in, sites down, forward node ids at capacity, and which version
/// (the draft when it exists, else the published one, when null).
/// </summary>
public sealed record SimulateRequest(
    string? Caller,
    string Called,
    DateTime LocalTime,
    IReadOnlyList<string>? Digits = null,
    IReadOnlyDictionary<string, string>? Outcomes = null,
    IReadOnlyList<string>? CallerLists = null,
    IReadOnlyList<string>? SitesDown = null,
    IReadOnlyList<string>? FullDestinations = null,
    int? Version = null);
