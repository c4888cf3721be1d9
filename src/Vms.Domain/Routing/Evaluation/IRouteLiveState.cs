namespace Vms.Domain.Routing.Evaluation;

/// <summary>
/// The live state the evaluator reads at the moment of a call (TRM3): sites marked down and current call counts.
/// Implementations must be cheap and allocation-free (e.g. counters in a ConcurrentDictionary).
/// </summary>
public interface IRouteLiveState
{
    bool IsSiteDown(Guid customerId, string siteId);

    /// <summary>Calls currently connected or ringing to this destination (E.164).</summary>
    int ActiveCalls(Guid customerId, string destination);

    /// <summary>Calls currently connected or ringing to all destinations of this site.</summary>
    int ActiveSiteCalls(Guid customerId, string siteId);
}
