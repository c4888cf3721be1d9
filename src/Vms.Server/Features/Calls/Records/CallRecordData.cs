namespace Vms.Server.Features.Calls.Records;

/// <summary>
/// One call as it is written to the call records: who called which number, when, how it ended and the route the
/// tree took (the evaluator's trace), with one entry per outgoing leg.
/// </summary>
public sealed record CallRecordData
{
    public required Guid CallId { get; init; }
    public required string SipCallId { get; init; }
    public Guid? CustomerId { get; init; }
    public required string CalledNumber { get; init; }
    public required string CallerNumber { get; init; }
    /// <summary>The signalling peer the call came from (trunk address).</summary>
    public string? Source { get; init; }
    public required DateTimeOffset SetupAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    /// <summary>answered, busy, no-answer, failed, cancelled, rejected, announcement …</summary>
    public required string Outcome { get; init; }
    /// <summary>The final SIP status sent to the caller (200 when answered).</summary>
    public int? SipStatus { get; init; }
    /// <summary>Which side hung up first: caller, callee, system.</summary>
    public string? EndedBy { get; init; }
    /// <summary>The route taken, one line per decision.</summary>
    public string RouteTrace { get; init; } = "";
    public IReadOnlyList<CallLegData> Legs { get; init; } = [];
}
