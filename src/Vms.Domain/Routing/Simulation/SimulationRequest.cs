using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Routing.Simulation;

/// <summary>
/// "Where would a call from <see cref="Caller"/> to <see cref="Called"/> at <see cref="LocalTime"/> go?" —
/// with the keys the caller would press (in order; "timeout" for none), the outcome to assume at each forward (by
/// node id, Answered when not given), the lists the caller belongs to, the sites down and the destinations
/// (forward node ids) at capacity.
/// </summary>
public sealed record SimulationRequest
{
    /// <summary>Caller id as dialled; null or empty = withheld.</summary>
    public string? Caller { get; init; }

    public required string Called { get; init; }

    /// <summary>Wall-clock time in the tree's time zone (Kind ignored).</summary>
    public required DateTime LocalTime { get; init; }

    public IReadOnlyList<string> Digits { get; init; } = [];

    public IReadOnlyDictionary<string, OutcomeKind> ForwardOutcomes { get; init; } = new Dictionary<string, OutcomeKind>();

    /// <summary>Outcome of an agent-group queue (Answered by default).</summary>
    public OutcomeKind QueueOutcome { get; init; } = OutcomeKind.Answered;

    public IReadOnlySet<string> CallerLists { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> SitesDown { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> FullDestinations { get; init; } = new HashSet<string>();

    /// <summary>Seed of the random source for splits.</summary>
    public int Seed { get; init; } = 1;
}
