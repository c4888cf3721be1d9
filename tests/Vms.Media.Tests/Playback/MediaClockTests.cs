using Microsoft.Extensions.Time.Testing;
using Vms.Media.Playback;

namespace Vms.Media.Tests.Playback;

public class MediaClockTests
{
    private sealed class Counter : IMediaClockListener
    {
        public List<long> Ticks { get; } = [];

        public void OnMediaTick(long tick) => Ticks.Add(tick);
    }

    [Fact]
    public void Register_ThousandListeners_OneTimerTicksAllEvery20Ms()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(time);
        var listeners = Enumerable.Range(0, 1000).Select(_ => new Counter()).ToList();
        listeners.ForEach(clock.Register);
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.All(listeners, l => Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), l.Ticks));
    }

    [Fact]
    public void OnTimer_LateFiring_CatchesUpMissedTicks()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(time);
        var counter = new Counter();
        clock.Register(counter);
        time.Advance(TimeSpan.FromMilliseconds(60)); // the fake fires once for a 60 ms jump
        Assert.Equal([1L, 2L, 3L], counter.Ticks);
    }

    [Fact]
    public void Unregister_StopsTicks()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(time);
        var counter = new Counter();
        clock.Register(counter);
        time.Advance(TimeSpan.FromMilliseconds(20));
        clock.Unregister(counter);
        time.Advance(TimeSpan.FromMilliseconds(40));
        Assert.Equal([1L], counter.Ticks);
    }

    [Fact]
    public void Register_AfterLongIdle_NoBurstOfMissedTicks()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(time);
        time.Advance(TimeSpan.FromSeconds(10));
        var counter = new Counter();
        clock.Register(counter);
        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Single(counter.Ticks);
    }
}
