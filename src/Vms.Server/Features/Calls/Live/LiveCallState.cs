using System.Collections.Concurrent;
using Vms.Domain.Routing.Evaluation;

namespace Vms.Server.Features.Calls.Live;

/// <summary>
/// The live state shared by every call on this node: active calls per destination and per site (the capacity
/// criteria of the routing trees) and the sites marked down. Reads are lock-free; a reservation is a CAS loop on
/// one or two counters. Keys are opaque strings composed by the caller (e.g. "customer/+3221234567").
/// </summary>
internal sealed class LiveCallState : IRouteLiveState
{
    private readonly ConcurrentDictionary<string, ActiveCounter> _perDestination = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ActiveCounter> _perSite = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _sitesDown = new(StringComparer.Ordinal);

    /// <summary>The key of a customer's destination or site.</summary>
    public static string Key(Guid customerId, string id) => string.Concat(customerId.ToString("N"), "/", id);

    bool IRouteLiveState.IsSiteDown(Guid customerId, string siteId) => IsSiteDown(Key(customerId, siteId));

    int IRouteLiveState.ActiveCalls(Guid customerId, string destination) => ActiveCalls(Key(customerId, destination));

    int IRouteLiveState.ActiveSiteCalls(Guid customerId, string siteId) => ActiveCallsAtSite(Key(customerId, siteId));

    /// <summary>Calls now connected or ringing to <paramref name="destination"/>.</summary>
    public int ActiveCalls(string destination) =>
        _perDestination.TryGetValue(destination, out var c) ? Volatile.Read(ref c.Value) : 0;

    /// <summary>Calls now connected or ringing to any destination of <paramref name="site"/>.</summary>
    public int ActiveCallsAtSite(string site) =>
        _perSite.TryGetValue(site, out var c) ? Volatile.Read(ref c.Value) : 0;

    public bool IsSiteDown(string site) => _sitesDown.ContainsKey(site);

    public IReadOnlyCollection<string> SitesDown => (IReadOnlyCollection<string>)_sitesDown.Keys;

    public void SetSiteDown(string site, bool down)
    {
        if (down)
        {
            _sitesDown[site] = true;
        }
        else
        {
            _sitesDown.TryRemove(site, out _);
        }
    }

    /// <summary>
    /// Counts one more call to <paramref name="destination"/> (and its site) unless that would exceed a limit.
    /// Dispose the lease when the leg ends.
    /// </summary>
    public ReservationResult TryReserve(string destination, string? site, int? maxPerDestination, int? maxPerSite)
    {
        if (site is not null && IsSiteDown(site))
        {
            return new ReservationResult(null, ReservationRefusal.SiteDown);
        }

        var dest = _perDestination.GetOrAdd(destination, static _ => new ActiveCounter());
        if (!dest.TryIncrement(maxPerDestination))
        {
            return new ReservationResult(null, ReservationRefusal.DestinationCapacity);
        }

        ActiveCounter? siteCounter = null;
        if (site is not null)
        {
            siteCounter = _perSite.GetOrAdd(site, static _ => new ActiveCounter());
            if (!siteCounter.TryIncrement(maxPerSite))
            {
                dest.Decrement();
                return new ReservationResult(null, ReservationRefusal.SiteCapacity);
            }
        }

        return new ReservationResult(new DestinationLease(dest, siteCounter), ReservationRefusal.None);
    }

    /// <summary>A copy of the per-destination counts that are above zero (for the live page).</summary>
    public IReadOnlyDictionary<string, int> SnapshotDestinations() =>
        _perDestination.Where(kv => Volatile.Read(ref kv.Value.Value) > 0)
            .ToDictionary(kv => kv.Key, kv => Volatile.Read(ref kv.Value.Value), StringComparer.Ordinal);
}
