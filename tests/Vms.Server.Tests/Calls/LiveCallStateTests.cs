using Vms.Server.Features.Calls.Live;

namespace Vms.Server.Tests.Calls;

public class LiveCallStateTests
{
    [Fact]
    public void TryReserve_UnderLimit_CountsAndReleasesOnce()
    {
        var state = new LiveCallState();

        var result = state.TryReserve("c1/+3221110000", "c1/office", maxPerDestination: 2, maxPerSite: 5);

        Assert.True(result.Succeeded);
        Assert.Equal(1, state.ActiveCalls("c1/+3221110000"));
        Assert.Equal(1, state.ActiveCallsAtSite("c1/office"));
        result.Lease!.Dispose();
        result.Lease.Dispose();
        Assert.Equal(0, state.ActiveCalls("c1/+3221110000"));
        Assert.Equal(0, state.ActiveCallsAtSite("c1/office"));
    }

    [Fact]
    public void TryReserve_DestinationFull_RefusesWithCapacity()
    {
        var state = new LiveCallState();
        Assert.True(state.TryReserve("d", null, 1, null).Succeeded);

        var second = state.TryReserve("d", null, 1, null);

        Assert.False(second.Succeeded);
        Assert.Equal(ReservationRefusal.DestinationCapacity, second.Refusal);
        Assert.Equal(1, state.ActiveCalls("d"));
    }

    [Fact]
    public void TryReserve_SiteFull_RefusesAndGivesBackDestinationCount()
    {
        var state = new LiveCallState();
        Assert.True(state.TryReserve("d1", "s", null, 1).Succeeded);

        var second = state.TryReserve("d2", "s", null, 1);

        Assert.Equal(ReservationRefusal.SiteCapacity, second.Refusal);
        Assert.Equal(0, state.ActiveCalls("d2"));
        Assert.Equal(1, state.ActiveCallsAtSite("s"));
    }

    [Fact]
    public void TryReserve_SiteDown_RefusesUntilUp()
    {
        var state = new LiveCallState();
        state.SetSiteDown("s", true);

        Assert.Equal(ReservationRefusal.SiteDown, state.TryReserve("d", "s", null, null).Refusal);
        Assert.True(state.IsSiteDown("s"));
        state.SetSiteDown("s", false);
        Assert.True(state.TryReserve("d", "s", null, null).Succeeded);
    }

    [Fact]
    public async Task TryReserve_ManyThreads_NeverExceedsLimit()
    {
        var state = new LiveCallState();
        var granted = 0;
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (state.TryReserve("d", null, 10, null).Succeeded)
                {
                    Interlocked.Increment(ref granted);
                }
            }
        }));

        await Task.WhenAll(tasks);

        Assert.Equal(10, granted);
        Assert.Equal(10, state.ActiveCalls("d"));
    }
}
