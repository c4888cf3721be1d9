using Microsoft.Extensions.Time.Testing;

namespace Vms.NetSim.Tests;

public sealed class DelaysTests
{
    // Regression: an answering demo phone hung up at once because "wait forever" (-1 ms) was read as "no wait".
    [Fact]
    public async Task WaitAsync_Infinite_CompletesOnlyWhenCancelled()
    {
        var time = new FakeTimeProvider();
        using var cancel = new CancellationTokenSource();

        var wait = Delays.WaitAsync(time, Timeout.InfiniteTimeSpan, cancel.Token);
        time.Advance(TimeSpan.FromHours(24));
        Assert.False(wait.IsCompleted);

        await cancel.CancelAsync();
        Assert.False(await wait);
    }

    [Fact]
    public async Task WaitAsync_Delay_CompletesTrueWhenTheClockPassesIt()
    {
        var time = new FakeTimeProvider();

        var wait = Delays.WaitAsync(time, TimeSpan.FromSeconds(2), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(wait.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(await wait);
    }
}
