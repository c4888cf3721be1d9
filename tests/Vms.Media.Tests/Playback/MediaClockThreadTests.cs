using Vms.Media.Playback;

namespace Vms.Media.Tests.Playback;

/// <summary>
/// On the system clock the media clock ticks on its own thread: a thread-pool timer stalls with a busy pool and
/// leaves gaps in every recording and prompt (seen as a 0.5 s gap in the SIPp pcap recording test).
/// </summary>
public class MediaClockThreadTests
{
    [Fact]
    public void Register_SystemClock_TicksOnDedicatedThreadNotThePool()
    {
        using var clock = new MediaClock(TimeProvider.System);
        var listener = new ThreadRecorder();

        clock.Register(listener);
        var ticked = SpinWait.SpinUntil(() => listener.Ticks > 0, TimeSpan.FromSeconds(5));
        clock.Dispose();

        Assert.True(ticked, "the clock never ticked");
        Assert.False(listener.OnPoolThread);
        Assert.Equal("vms-media-clock", listener.ThreadName);
    }

    private sealed class ThreadRecorder : IMediaClockListener
    {
        private int _ticks;

        public int Ticks => Volatile.Read(ref _ticks);

        public bool OnPoolThread { get; private set; }

        public string? ThreadName { get; private set; }

        public void OnMediaTick(long tick)
        {
            OnPoolThread = Thread.CurrentThread.IsThreadPoolThread;
            ThreadName = Thread.CurrentThread.Name;
            Interlocked.Increment(ref _ticks);
        }
    }
}
