namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// One decision: at node <see cref="Node"/> (index), of kind <see cref="Kind"/>, with <see cref="Detail"/> (the rule
/// or branch index, a call count or a key) and <see cref="Target"/> (the node taken next, -1 = none). Text comes from
/// <see cref="RouteExplainer"/>; entries themselves are allocation-free.
/// </summary>
public readonly record struct TraceEntry(int Node, TraceKind Kind, int Detail, int Target);
