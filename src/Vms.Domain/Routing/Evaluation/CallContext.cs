using Vms.Domain.Routing.Numbers;

namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// What the evaluator knows about a call: the instant it arrived, the analysed caller
/// (<see cref="NumberAnalysis.AnalyseCaller"/>), the called number (E.164), and the services it may ask:
/// caller lists, live state and the random source for splits (Random.Shared when null).
/// </summary>
public readonly record struct CallContext(DateTimeOffset Time, CallerInfo Caller, string Called)
{
    public ICallerListLookup? Lists { get; init; }

    public IRouteLiveState? Live { get; init; }

    public Random? Random { get; init; }
}
