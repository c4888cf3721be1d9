using Vms.Domain.Routing.Evaluation;

namespace Vms.Domain.Tests.Routing;

internal sealed class FakeLiveState : IRouteLiveState
{
    public HashSet<string> Down { get; } = [];

    public Dictionary<string, int> Calls { get; } = [];

    public Dictionary<string, int> SiteCalls { get; } = [];

    public bool IsSiteDown(Guid customerId, string siteId) => Down.Contains(siteId);

    public int ActiveCalls(Guid customerId, string destination) => Calls.GetValueOrDefault(destination);

    public int ActiveSiteCalls(Guid customerId, string siteId) => SiteCalls.GetValueOrDefault(siteId);
}
