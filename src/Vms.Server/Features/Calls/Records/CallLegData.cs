namespace Vms.Server.Features.Calls.Records;

/// <summary>
/// One outgoing leg of a call. <see cref="Rerouted"/> marks a forward (billed to the holder of the called number,
/// B1); <see cref="OffNet"/> marks a destination on another operator's network (B2).
/// </summary>
public sealed record CallLegData
{
    public required int Index { get; init; }
    public required string Destination { get; init; }
    public required DateTimeOffset SetupAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    public required string Outcome { get; init; }
    public int? SipStatus { get; init; }
    public bool Rerouted { get; init; }
    public bool OffNet { get; init; }
}
