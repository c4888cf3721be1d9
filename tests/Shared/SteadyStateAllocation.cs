namespace Vms.Testing;

/// <summary>
/// Counts what a warm code path allocates on the measuring thread. The runtime can bill a one-off to that thread
/// in any window (a tier-1 promotion landing mid-loop, a lazy runtime initialisation), and no warm-up count rules
/// that out because those events are timed by the wall clock. So up to three consecutive windows are measured and
/// the first clean one ends the measurement: a real per-call allocation dirties every window and still fails.
/// </summary>
internal static class SteadyStateAllocation
{
    private const int Windows = 3;

    /// <summary>The fewest bytes any of up to three consecutive runs of <paramref name="window"/> allocated.</summary>
    public static long FewestBytes(Action window)
    {
        var fewest = long.MaxValue;
        for (var i = 0; i < Windows && fewest > 0; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            window();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
