namespace Vms.Server.Features.Calls.Live;

/// <summary>Why a call could not be counted against a destination.</summary>
internal enum ReservationRefusal
{
    None,
    DestinationCapacity,
    SiteCapacity,
    SiteDown,
}
