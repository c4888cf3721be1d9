using Vms.Domain.Routing.Snapshot;

namespace Vms.Server.Features.Calls.Routing;

/// <summary>The published routing configuration in memory (never a database query on the call path).</summary>
public interface IRoutingSnapshotProvider
{
    RoutingSnapshot Current { get; }
}
