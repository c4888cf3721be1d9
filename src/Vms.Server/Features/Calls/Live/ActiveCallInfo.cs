namespace Vms.Server.Features.Calls.Live;

/// <summary>A call in progress as the live page shows it (updated by the call's own task only).</summary>
internal sealed class ActiveCallInfo
{
    public required string CallId { get; init; }
    public Guid? CustomerId { get; set; }
    public required string Caller { get; init; }
    public required string Called { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string State { get; set; } = "routing";
    public string? Destination { get; set; }
}
