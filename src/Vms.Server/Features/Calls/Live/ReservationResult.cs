namespace Vms.Server.Features.Calls.Live;

/// <summary>The lease when the call was counted, else why not.</summary>
internal readonly record struct ReservationResult(DestinationLease? Lease, ReservationRefusal Refusal)
{
    public bool Succeeded => Lease is not null;
}
